using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;
using TrayBridge.TrayConnector.Features.ProductSync;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>How many Tray calls a burst of changes may cost. Sync runs are spaced <see cref="ProductSyncRun.Spacing"/> apart,
/// so a burst the connector takes in at once costs at most three, and one it takes in slowly (a loaded machine) one more
/// per spacing it lasted.</summary>
internal static class ProductSyncBursts
{
    /// <summary>Waits until the connector has recorded <paramref name="changes"/> changes of the product; how long since the first was published.</summary>
    public static async Task<TimeSpan> ConsumedAsync(this ConnectorHarness harness, string tenantId, Guid productId, int changes, Stopwatch sinceFirstPublish)
    {
        using var client = harness.Client(tenantId);
        await Eventually.ReturnsAsync(async () =>
            {
                using var response = await client.GetAsync($"api/tray/product-sync/{productId}", TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.NotFound) return 0;
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("changesReceived").GetInt32();
            },
            n => n >= changes, TimeSpan.FromSeconds(30), $"{changes} changes recorded by the connector");
        return sinceFirstPublish.Elapsed;
    }

    /// <summary>One run at once, one per spacing while the burst was coming in, one for what came last; never more than three
    /// for a burst taken in within a second.</summary>
    public static int MostCalls(TimeSpan consumed) => Math.Max(3, 2 + (int)Math.Ceiling(consumed / ProductSyncRun.Spacing));
}
