using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using TrayBridge.Contracts.Catalog;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>A change committed by one service for tenant A travels through the relay and RabbitMQ to another service,
/// which records it under A only — whatever header a client forges.</summary>
[Collection(nameof(SharedSystem))]
public sealed class TenancyThroughTheBrokerTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_change_for_tenant_A_is_recorded_by_the_other_service_under_A_only()
    {
        var cancel = TestContext.Current.CancellationToken;
        var system = fixture.System;
        // Tenants of its own: the other tests of this class share the system and may run first.
        using var tenantA = system.Client(system.Gateway, "tenant-broker-a");
        using var tenantB = system.Client(system.Gateway, "tenant-broker-b");
        tenantA.DefaultRequestHeaders.Add("X-Tenant-Id", "tenant-broker-b");

        var productId = await Api.CreateProductAsync(tenantA, "CAM-1");

        Assert.Equal(1, await Api.WaitForChangesAsync(tenantA, productId, 1));
        Assert.Equal(0, await Api.ChangesReceivedAsync(tenantB, productId));
        Assert.Equal(HttpStatusCode.NotFound, (await tenantB.GetAsync($"api/catalog/products/{productId}", cancel)).StatusCode);
        var listB = await tenantB.GetFromJsonAsync<JsonElement>("api/catalog/products", cancel);
        Assert.Equal(0, listB.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_forged_tenant_header_on_a_direct_service_call_changes_nothing()
    {
        var system = fixture.System;
        using var tenantB = system.Client(system.Catalog, "tenant-forge-b");
        tenantB.DefaultRequestHeaders.Add("X-Tenant-Id", "tenant-forge-a");
        using var tenantAConnector = system.Client(system.TrayConnector, "tenant-forge-a");
        using var tenantBConnector = system.Client(system.TrayConnector, "tenant-forge-b");

        var productId = await Api.CreateProductAsync(tenantB, "CAM-2");

        Assert.Equal(1, await Api.WaitForChangesAsync(tenantBConnector, productId, 1));
        Assert.Equal(0, await Api.ChangesReceivedAsync(tenantAConnector, productId));
    }

    [Fact]
    public async Task The_same_SKU_is_unique_per_tenant_not_across_tenants()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var tenantA = fixture.System.Client(fixture.System.Gateway, "tenant-sku-a");
        using var tenantB = fixture.System.Client(fixture.System.Gateway, "tenant-sku-b");

        await Api.CreateProductAsync(tenantA, "SAME-SKU");
        await Api.CreateProductAsync(tenantB, "SAME-SKU");
        var duplicate = await tenantA.PostAsJsonAsync("api/catalog/products", new { sku = "SAME-SKU", name = "Outra", price = 10, stock = 1 }, cancel);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task One_trace_covers_the_gateway_the_service_the_relay_and_the_consumer()
    {
        var system = fixture.System;
        using var tenantA = system.Client(system.Gateway, "tenant-trace");
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        tenantA.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var productId = await Api.CreateProductAsync(tenantA, "TRACE-1");
        await Api.WaitForChangesAsync(tenantA, productId, 1);

        var spans = await Eventually.ReturnsAsync(() => Task.FromResult(SpansOf(traceId)),
            s => s.Any(x => x.Service == "tray-connector" && x.Kind == "Consumer"), TimeSpan.FromSeconds(15), "the consumer's span");
        Assert.Contains(spans, s => s.Service == "gateway" && s.Kind == "Server");
        Assert.Contains(spans, s => s.Service == "catalog" && s.Kind == "Server");
        Assert.Contains(spans, s => s.Service == "catalog" && s.Source == "TrayBridge.Relay");
        Assert.Contains(spans, s => s.Service == "catalog" && s.Source == "MassTransit" && s.Kind == "Producer");
        Assert.Contains(spans, s => s.Service == "tray-connector" && s.Source == "MassTransit" && s.Kind == "Consumer");
    }

    [Fact]
    public async Task A_message_whose_tenant_header_and_body_disagree_is_refused_into_the_error_queue_with_the_reason()
    {
        var system = fixture.System;
        var productId = Guid.NewGuid();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(system.Infrastructure.RabbitConnectionString)));
        await bus.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await bus.Publish(new ProductChanged("tenant-victim", productId, 1, "FORGED", 1m, null, 0, true, DateTimeOffset.UtcNow),
                context => context.Headers.Set("TenantId", "tenant-attacker"), TestContext.Current.CancellationToken);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }

        using var management = system.Infrastructure.Management();
        var errorQueue = $"api/queues/{system.Infrastructure.VirtualHost}/tray-connector-product-changed_error";
        var faulted = await Eventually.ReturnsAsync(
            async () => await (await management.PostAsJsonAsync($"{errorQueue}/get", new { count = 1, ackmode = "ack_requeue_true", encoding = "auto" })).Content
                .ReadFromJsonAsync<JsonElement>(),
            // MassTransit creates the _error queue with the first fault: until then the API answers "not found".
            messages => messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0, TimeSpan.FromSeconds(30),
            "the message in the _error queue");
        Assert.Contains("tenant header and body disagree",
            faulted[0].GetProperty("properties").GetProperty("headers").GetProperty("MT-Fault-Message").GetString());
        using var victim = system.Client(system.TrayConnector, "tenant-victim");
        using var attacker = system.Client(system.TrayConnector, "tenant-attacker");
        Assert.Equal(0, await Api.ChangesReceivedAsync(victim, productId));
        Assert.Equal(0, await Api.ChangesReceivedAsync(attacker, productId));
    }

    private sealed record Span(string Service, string TraceId, string Source, string Kind, string Name);

    private List<Span> SpansOf(string traceId) =>
        new[] { "gateway", "catalog", "tray-connector" }
            .Select(fixture.System.SpanFile)
            .Where(File.Exists)
            .SelectMany(path => File.ReadAllLines(path))
            .Select(line => JsonSerializer.Deserialize<Span>(line, JsonSerializerOptions.Web)!)
            .Where(s => s.TraceId == traceId)
            .ToList();
}
