using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>What a host of the system exported as spans (<c>.jsonl</c>) or wrote as its log (<c>.log</c>), read while it runs.</summary>
public static class TelemetryFiles
{
    public static string Read(TrayBridgeSystem system, string host, string extension)
    {
        var path = Path.Combine(system.SpanDirectory, host + extension);
        if (!File.Exists(path)) return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
