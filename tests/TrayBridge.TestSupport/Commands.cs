using System.Diagnostics;

namespace TrayBridge.TestSupport;

/// <summary>Runs a server's command-line tool to its end (initdb, pg_ctl, rabbitmqctl), as another user when asked.</summary>
internal static class Commands
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs <paramref name="program"/>; throws with its output when it fails. <paramref name="asUser"/> applies only
    /// to root (<c>runuser</c>): a non-root test runs the tools as itself.</summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? asUser = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = asUser is not null && IsRoot
            ? new ProcessStartInfo("runuser", ["-u", asUser, "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not end within {timeout ?? TimeSpan.FromSeconds(60)}.");
        }
        var text = await output + await errors;
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
    }

    /// <summary>The first of <paramref name="candidates"/> that exists, else the program found on PATH, else null.</summary>
    public static string? Find(string program, IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
