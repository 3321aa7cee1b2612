using System.Text.Json.Nodes;
using TrayBridge.TestSupport;

namespace TrayBridge.IdentitySimulator.Tests;

public sealed class SigningKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_signing_key_file_the_JWKS_and_the_tokens_survive_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("identity-key-").FullName;
        try
        {
            var settings = new Dictionary<string, string> { ["Identity__SigningKeyPath"] = Path.Combine(folder, "keys", "signing.pem") };
            await using var host = new HostProcess("identity-keyed", "simulators/Identity", "TrayBridge.IdentitySimulator", settings);
            settings["Identity__Issuer"] = host.BaseAddress.ToString();
            using var http = new HttpClient { BaseAddress = host.BaseAddress };

            await host.StartAsync();
            var before = await KeyIdsAsync(http);
            await host.KillAsync();
            await host.StartAsync();
            var after = await KeyIdsAsync(http);

            Assert.Single(before);
            Assert.Equal(before, after);
            Assert.Contains("PRIVATE KEY", await File.ReadAllTextAsync(settings["Identity__SigningKeyPath"], Ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_one_each_start_has_a_new_key()
    {
        var settings = new Dictionary<string, string>();
        await using var host = new HostProcess("identity-ephemeral", "simulators/Identity", "TrayBridge.IdentitySimulator", settings);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        await host.StartAsync();
        var before = await KeyIdsAsync(http);
        await host.KillAsync();
        await host.StartAsync();

        Assert.NotEqual(before, await KeyIdsAsync(http));
    }

    private static async Task<string[]> KeyIdsAsync(HttpClient http) =>
        JsonNode.Parse(await http.GetStringAsync(".well-known/jwks", Ct))!["keys"]!.AsArray().Select(k => (string)k!["kid"]!).ToArray();
}
