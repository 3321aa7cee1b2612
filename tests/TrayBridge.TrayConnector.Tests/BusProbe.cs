using System.Collections.Concurrent;
using MassTransit;
using TrayBridge.Contracts;
using TrayBridge.Contracts.Catalog;
using TrayBridge.Contracts.TrayConnector;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Plays the Catalog and the Orders service on the bus: publishes requests and outcomes with their tenant header
/// and collects what the connector publishes.</summary>
public sealed class BusProbe : IAsyncDisposable
{
    private readonly IBusControl _bus;

    public ConcurrentQueue<ProductExported> Exported { get; } = new();
    public ConcurrentQueue<ProductExportFailed> Failed { get; } = new();
    public ConcurrentQueue<TrayOrderFetched> OrdersFetched { get; } = new();
    public ConcurrentQueue<TrayOrderChanged> OrdersChanged { get; } = new();

    private BusProbe(string rabbit)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(rabbit));
            cfg.ReceiveEndpoint("catalog-probe-export-outcomes", endpoint =>
            {
                endpoint.Handler<ProductExported>(context => { Exported.Enqueue(context.Message); return Task.CompletedTask; });
                endpoint.Handler<ProductExportFailed>(context => { Failed.Enqueue(context.Message); return Task.CompletedTask; });
            });
            cfg.ReceiveEndpoint("orders-probe-tray-orders", endpoint =>
            {
                endpoint.Handler<TrayOrderFetched>(context => { OrdersFetched.Enqueue(context.Message); return Task.CompletedTask; });
                endpoint.Handler<TrayOrderChanged>(context => { OrdersChanged.Enqueue(context.Message); return Task.CompletedTask; });
            });
        });
    }

    public static async Task<BusProbe> StartAsync(ConnectorHarness harness)
    {
        var probe = new BusProbe(harness.Infrastructure.RabbitConnectionString);
        await probe._bus.StartAsync(TestContext.Current.CancellationToken);
        return probe;
    }

    public Task PublishAsync<T>(T message) where T : class, ITenantMessage =>
        _bus.Publish(message, context => context.Headers.Set("TenantId", message.TenantId), TestContext.Current.CancellationToken);

    /// <summary>The outcome of one export of one product: exported, or failed with its reason.</summary>
    public async Task<(ProductExported? Exported, ProductExportFailed? Failed)> OutcomeAsync(Guid exportId, Guid productId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Exported.FirstOrDefault(e => e.ExportId == exportId && e.ProductId == productId) is { } done) return (done, null);
            if (Failed.FirstOrDefault(e => e.ExportId == exportId && e.ProductId == productId) is { } failed) return (null, failed);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No outcome for export {exportId} of product {productId}.");
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync(CancellationToken.None);
}
