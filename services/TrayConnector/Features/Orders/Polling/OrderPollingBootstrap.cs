using Marten;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Orders.Polling;

/// <summary>At start-up, starts polling for any connected store that has none (e.g. registered before the mirror
/// existed). Registration starts it for new stores; this only closes the gap, so a failure here is logged, not fatal.</summary>
public sealed class OrderPollingBootstrap(IDocumentStore documents, StoreRegistry registry, DueWorkScheduler scheduler, TimeProvider time,
    ILogger<OrderPollingBootstrap> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Registrations kept before the API host was part of their key get it first (issue 11, fake Tray hosts).
            await registry.BackfillHostsAsync(stoppingToken);
            foreach (var (storeId, tenantId) in await registry.AllAsync(stoppingToken))
            {
                await using var session = documents.LightweightSession(tenantId);
                if (await session.LoadAsync<OrderPollState>(storeId, stoppingToken) is not null) continue;
                await OrderPolling.StartAsync(session, scheduler, storeId, time.GetUtcNow(), stoppingToken);
                try { await session.SaveChangesAsync(stoppingToken); }
                catch (Exception e) when (WriteConflicts.IsConflict(e)) { } // another replica did it
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not start order polling for existing stores");
        }
    }
}
