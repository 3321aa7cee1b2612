using System.Collections.Concurrent;
using MassTransit;
using TrayBridge.Contracts;
using TrayBridge.Contracts.Catalog;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>The test standing in for the connector on the fixture's vhost: it hears every <c>ProductExportRequested</c>
/// and publishes what the connector would (<c>StoreConnected</c>, export outcomes) under the message's tenant.</summary>
internal sealed class CatalogBus : IAsyncDisposable
{
    private readonly ConcurrentQueue<ProductExportRequested> _requested = new();
    private IBusControl _bus = null!;

    public static async Task<CatalogBus> StartAsync(TrayBridgeSystem system)
    {
        var probe = new CatalogBus();
        probe._bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(system.Infrastructure.RabbitConnectionString));
            rabbit.ReceiveEndpoint("test-catalog-export-requested", endpoint => endpoint.Handler<ProductExportRequested>(context =>
            {
                probe._requested.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
            // As the connector answers the Catalog about a store it has not heard StoreConnected of: the stand-in has no
            // other stores than the ones a test connects, so "not connected" (the killed connector would never answer: 503).
            rabbit.ReceiveEndpoint("test-catalog-store-connection", endpoint => endpoint.Handler<StoreConnectionRequested>(context =>
                context.RespondAsync(new StoreConnection(context.Message.TenantId, context.Message.StoreId, false, null, null, DateTimeOffset.UtcNow),
                    response => response.Headers.Set("TenantId", context.Message.TenantId))));
        });
        await probe._bus.StartAsync(TestContext.Current.CancellationToken);
        return probe;
    }

    public Task PublishAsync<T>(T message) where T : class, ITenantMessage =>
        _bus.Publish(message, context => context.Headers.Set("TenantId", message.TenantId), TestContext.Current.CancellationToken);

    public Task ConnectStoreAsync(string tenantId, string storeId) =>
        PublishAsync(new StoreConnected(tenantId, storeId, $"https://loja{storeId}.commercesuite.com.br/web_api", DateTimeOffset.UtcNow));

    public IReadOnlyList<ProductExportRequested> RequestedFor(Guid exportId) => _requested.Where(r => r.ExportId == exportId).ToList();

    public bool WasRequested(Guid productId) => _requested.Any(r => r.ProductId == productId);

    public Task<IReadOnlyList<ProductExportRequested>> WaitForRequestsAsync(Guid exportId, int count) =>
        Eventually.ReturnsAsync(() => Task.FromResult(RequestedFor(exportId)), r => r.Count >= count, TimeSpan.FromSeconds(30),
            $"{count} ProductExportRequested of export {exportId}");

    public async ValueTask DisposeAsync() => await _bus.StopAsync(CancellationToken.None);
}
