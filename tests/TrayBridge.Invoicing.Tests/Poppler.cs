using System.Diagnostics;

namespace TrayBridge.Invoicing.Tests;

/// <summary>poppler-utils' pdftoppm and pdftotext, run as processes to read a DANFE the way a viewer or printer does.
/// Missing tools skip the test on a developer's machine and fail it under CI=true (build.ps1 installs them on Debian).</summary>
public static class Poppler
{
    public static void Require(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (path.Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)))) return;
        var message = $"{tool} is not installed: the DANFE is read back with poppler (Debian/Ubuntu: apt-get install poppler-utils).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Skip(message);
    }

    /// <summary>The PDF's text, whitespace runs folded to one space.</summary>
    public static string Text(byte[] pdf)
    {
        using var folder = new TempFolder();
        var file = folder.Write("danfe.pdf", pdf);
        return string.Join(' ', Run("pdftotext", file, "-").Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Page 1 as a PNG at the given resolution.</summary>
    public static byte[] FirstPagePng(byte[] pdf, int dpi)
    {
        using var folder = new TempFolder();
        var file = folder.Write("danfe.pdf", pdf);
        var prefix = Path.Combine(folder.Path, "page");
        Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", "-f", "1", "-l", "1", "-singlefile", file, prefix);
        return File.ReadAllBytes(prefix + ".png");
    }

    private static string Run(string tool, params string[] arguments)
    {
        Require(tool);
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {error}");
        return output.Result;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("traybridge-danfe-").FullName;

        public string Write(string name, byte[] content)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllBytes(file, content);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
