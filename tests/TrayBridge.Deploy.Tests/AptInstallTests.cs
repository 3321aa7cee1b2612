using System.Diagnostics;

namespace TrayBridge.Deploy.Tests;

/// <summary><c>build.ps1</c>'s apt step, run by PowerShell against stand-in <c>dpkg-query</c> and <c>apt-get</c> commands that
/// record what they were asked: a machine that lacks exactly one package (seen on a fresh machine with poppler-utils) must
/// get <c>apt-get install … poppler-utils</c>, not the package's letters one by one.</summary>
public sealed class AptInstallTests
{
    [Theory]
    [InlineData(new[] { "poppler-utils" }, "poppler-utils")]
    [InlineData(new[] { "chromium" }, "chromium")]
    [InlineData(new[] { "poppler-utils", "chromium" }, "poppler-utils chromium")]
    public void Missing_packages_are_installed_by_their_names(string[] missing, string expected)
    {
        var log = Run(missing, installed: []);

        Assert.Contains($"install -y -qq {expected}", log);
    }

    [Fact]
    public void Nothing_is_installed_when_nothing_is_missing()
    {
        var log = Run(["poppler-utils"], installed: ["poppler-utils"]);

        Assert.DoesNotContain("install", log);
    }

    private static string Run(string[] packages, string[] installed)
    {
        var bin = Directory.CreateTempSubdirectory("apt-stand-in-").FullName;
        try
        {
            var log = Path.Combine(bin, "apt.log");
            // dpkg-query answers "installed" only for the packages said to be there; apt-get writes down its arguments.
            var present = string.Join(' ', installed.DefaultIfEmpty("none"));
            Script(bin, "dpkg-query", "for p in " + present + "; do [ \"$p\" = \"${@: -1}\" ] && { echo 'install ok installed'; exit 0; }; done; exit 1");
            Script(bin, "apt-get", $"echo \"$*\" >> '{log}'");
            var list = string.Join(", ", packages.Select(p => $"'{p}'"));
            var command = $". '{Repository.PathOf("build/Infrastructure.ps1")}'; Install-DebianPackages {(packages.Length == 1 ? list : $"@({list})")}";
            var start = new ProcessStartInfo("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", command])
            {
                WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "PowerShell did not finish.");
            Assert.True(process.ExitCode == 0, $"Install-DebianPackages failed: {errors}{output.Result}");
            return File.Exists(log) ? File.ReadAllText(log) : "";
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    private static void Script(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
