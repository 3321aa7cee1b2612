using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Gateway;

namespace TrayBridge.TraySimulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Fail_after_commit_applies_the_write_and_then_answers_500_or_drops_so_a_blind_retry_duplicates()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();
        tray.Host.Admin.SetFaults(new Faults { FailAfterCommitShare = 1 });

        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var response = await tray.PostJsonAsync("products", new JsonObject { ["Product"] = new JsonObject { ["name"] = "Caneca", ["price"] = "9" } });
                Assert.Equal(500, (int)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                // The dropped connection: as good as a 500 for the caller, who cannot tell whether the write happened.
            }
        }
        tray.Host.Admin.ClearFaults();

        Assert.Equal(2, (int)(await tray.GetJsonAsync("products", "name=Caneca"))["paging"]!["total"]!);
    }

    [Fact]
    public async Task Injected_500_429_and_dropped_connections_hit_calls_until_the_faults_are_cleared()
    {
        await using var tray = await TraySession.StartAsync();
        await tray.AuthorizeAsync();

        tray.Host.Admin.SetFaults(new Faults { Error500Share = 1 });
        Assert.Equal(500, (int)(await tray.GetAsync("orders")).StatusCode);
        tray.Host.Admin.SetFaults(new Faults { Error429Share = 1 });
        Assert.Equal(429, (int)(await tray.GetAsync("orders")).StatusCode);
        tray.Host.Admin.SetFaults(new Faults { DropShare = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => tray.GetAsync("orders"));
        tray.Host.Admin.ClearFaults();

        Assert.Equal(200, (int)(await tray.GetAsync("orders")).StatusCode);
        var stats = tray.Host.Admin.Stats(tray.Store.StoreId);
        Assert.Equal((1, 1), (stats.Status5xx, stats.Status429));
    }
}
