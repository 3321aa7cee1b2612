using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Issue 15: the sample subscriber (<c>samples/Subscriber</c>) run against the live system sees each event of a
/// flow exactly once, with its tenant — and a re-delivery of an event (the same MessageId, as the relay re-publishes after
/// a crash) is recognised and skipped.</summary>
internal static class SampleSubscriberChecks
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task SawEachEventOnceAsync(TrayBridgeSystem system, string tenant, int imported, int issued, int shipped)
    {
        using var sample = system.Client(system.Hosts.Single(h => h.Name == "sample-subscriber"));
        Task<JsonElement> ReceivedAsync() => sample.GetFromJsonAsync<JsonElement>($"received?tenantId={tenant}&limit=5000", Cancel);
        int Count(JsonElement page, string type) => page.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("type").GetString() == type);
        var page = await Eventually.ReturnsAsync(ReceivedAsync,
            p => Count(p, "OrderImported") >= imported && Count(p, "NfeIssued") >= issued && Count(p, "SalesOrderShipped") >= shipped,
            TimeSpan.FromSeconds(30), "the sample subscriber's events");
        Assert.Equal((imported, issued, shipped), (Count(page, "OrderImported"), Count(page, "NfeIssued"), Count(page, "SalesOrderShipped")));
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal(tenant, i.GetProperty("tenantId").GetString()));
        Assert.Equal(0, page.GetProperty("repeats").GetInt64());

        // The relay re-publishes an event after a crash with its MessageId: the subscriber counts a repeat, handles nothing new.
        var again = page.GetProperty("items").EnumerateArray().First(i => i.GetProperty("type").GetString() == "NfeIssued").GetProperty("messageId").GetGuid();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(system.Infrastructure.RabbitConnectionString)));
        await bus.StartAsync(Cancel);
        try
        {
            await bus.Publish(new NfeIssued(tenant, "0", "0", Guid.Empty, "", 0, 0, DateTimeOffset.UtcNow, 0, "", "", "", [], DateTimeOffset.UtcNow), context =>
            {
                context.MessageId = again;
                context.Headers.Set("TenantId", tenant);
            }, Cancel);
        }
        finally { await bus.StopAsync(Cancel); }
        var after = await Eventually.ReturnsAsync(ReceivedAsync, p => p.GetProperty("repeats").GetInt64() >= 1, TimeSpan.FromSeconds(30), "the repeat recognised");
        Assert.Equal(1, after.GetProperty("repeats").GetInt64());
        Assert.Equal(issued, Count(after, "NfeIssued"));
    }
}
