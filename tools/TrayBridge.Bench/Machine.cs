using System.Diagnostics;
using System.Runtime.InteropServices;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>The machine a run's figures came from: figures mean nothing without it.</summary>
public sealed record Machine(int Cores, string Cpu, double MemoryGiB, string Os, string Runtime, DateTimeOffset Date, string Commit)
{
    public static Machine Describe() => new(Environment.ProcessorCount, ReadCpu(), Math.Round(ReadMemoryGiB(), 1), RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription, DateTimeOffset.UtcNow, ReadCommit());

    public override string ToString() => $"{Cores} cores, {Cpu}, {MemoryGiB} GiB, {Os}, {Runtime}, {Date:yyyy-MM-dd HH:mm} UTC, commit {Commit}";

    private static string ReadCpu() =>
        Read("/proc/cpuinfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static double ReadMemoryGiB() =>
        Read("/proc/meminfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0 / 1024.0
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0;

    private static string ReadCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", RepositoryLayout.Root, "rev-parse", "--short", "HEAD"])
                { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && commit.Length > 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception) { return "unknown"; }
    }

    private static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
