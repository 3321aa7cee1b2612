using System.Diagnostics;
using System.Text.Json;

namespace TrayBridge.Deploy.Tests;

/// <summary><c>build.ps1 run</c>'s host settings, computed by PowerShell as the script does: a merchant's own Tray app given in
/// the environment is not overwritten by the simulator's demo app (and the simulator's plain-http allowance is not
/// forced), and with nothing given the simulator is the Tray in use.</summary>
public sealed class RunSettingsTests
{
    [Fact]
    public void Without_an_own_app_the_hosts_get_the_simulators_demo_app()
    {
        var (settings, ownApp) = HostSettings(new Dictionary<string, string?> { ["Tray__ConsumerKey"] = null, ["Tray__ConsumerSecret"] = null });

        Assert.Equal("traybridge-dev", settings["Tray__ConsumerKey"]);
        Assert.Equal("127.0.0.1", settings["Tray__SimulatorHost"]);
        Assert.False(ownApp);
    }

    [Fact]
    public void An_own_tray_app_in_the_environment_wins_and_no_demo_store_is_registered()
    {
        var (settings, ownApp) = HostSettings(new Dictionary<string, string?>
        {
            ["Tray__ConsumerKey"] = "minha-app", ["Tray__ConsumerSecret"] = "segredo", ["ConnectionStrings__postgres"] = "Host=db.example;Database=erp",
        });

        // Left out of the settings Start-Process applies, so the process keeps the environment's values.
        Assert.False(settings.ContainsKey("Tray__ConsumerKey"));
        Assert.False(settings.ContainsKey("Tray__ConsumerSecret"));
        Assert.False(settings.ContainsKey("Tray__SimulatorHost"));
        Assert.False(settings.ContainsKey("ConnectionStrings__postgres"));
        Assert.True(settings.ContainsKey("ConnectionStrings__rabbitmq"));
        Assert.True(ownApp);
    }

    [Fact]
    public void The_demo_runs_in_Authority_mode_against_the_identity_simulator_with_no_shared_signing_key()
    {
        var (settings, _) = HostSettings(new Dictionary<string, string?>());

        // The panel's users and the scripts (build.ps1 token) both get the identity simulator's RS256 tokens.
        Assert.Equal("Authority", settings["Auth__Mode"]);
        Assert.Equal("http://127.0.0.1:5203/", settings["Auth__Authority"]);
        Assert.Equal(settings["Auth__Authority"], settings["Identity__Issuer"]);
        Assert.False(settings.ContainsKey("Auth__SigningKey"));
    }

    private static (Dictionary<string, string> Settings, bool OwnApp) HostSettings(IReadOnlyDictionary<string, string?> environment)
    {
        var runDir = Directory.CreateTempSubdirectory("run-settings-").FullName;
        try
        {
            var files = string.Join("; ", new[] { "Infrastructure", "DevTokens", "DemoStore", "Hosts" }
                .Select(f => $". '{Repository.PathOf($"build/{f}.ps1")}'"));
            var command = $"$ErrorActionPreference = 'Stop'; $Root = '{Repository.Root}'; $RunDir = '{runDir}'; {files}; "
                + "$s = Get-HostSettings @{ Postgres = 'Host=127.0.0.1;Port=5432'; Rabbit = 'amqp://guest:guest@127.0.0.1:5672/' }; "
                + "@{ settings = $s; ownApp = (Test-OwnTrayApp) } | ConvertTo-Json -Compress";
            var start = new ProcessStartInfo("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", command])
            {
                WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            foreach (var (name, value) in environment)
                if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "PowerShell did not finish.");
            Assert.True(process.ExitCode == 0, $"Get-HostSettings failed: {errors}{output.Result}");
            using var json = JsonDocument.Parse(output.Result.Trim().Split('\n')[^1]);
            var settings = json.RootElement.GetProperty("settings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
            return (settings, json.RootElement.GetProperty("ownApp").GetBoolean());
        }
        finally
        {
            Directory.Delete(runDir, recursive: true);
        }
    }
}
