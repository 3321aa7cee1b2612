using System.Net;
using Marten;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.ProductSync;

/// <summary>Sends a linked product's price, promotional price, stock and availability to every store it is on, as they
/// are wanted now — not as they were when the run was scheduled — so a burst of changes costs a few calls, and a restart
/// in the middle loses nothing (desired state and due run are both in PostgreSQL).</summary>
public sealed class ProductSyncRun(IDocumentStore documents, TrayApiClient tray, TimeProvider time) : IDueWorkHandler
{
    public const string DueWorkKind = "tray.product-sync";
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);

    public sealed record Payload(Guid ProductId);

    public string Kind => DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var productId = item.PayloadAs<Payload>().ProductId;
        if (await TakeTurnAsync(item.TenantId, productId, cancellationToken) is not { } wanted) return DueWorkOutcome.Done;
        await using var session = documents.LightweightSession(item.TenantId);

        var links = await session.Query<ProductLink>()
            .Where(l => l.ProductId == productId && l.State == LinkState.Linked && l.SyncedVersion < wanted.DesiredVersion)
            .ToListAsync(cancellationToken);
        foreach (var link in links.Where(l => l.AppliedVersion < wanted.DesiredVersion))
        {
            try
            {
                (await tray.SendAsync(item.TenantId, link.StoreId, HttpMethod.Put, $"products/{link.TrayProductId}", Body(wanted),
                    TrayPriority.PriceStockSync, cancellationToken)).Dispose();
                link.SyncedVersion = wanted.DesiredVersion;
            }
            catch (TrayBudgetExhaustedException e)
            {
                return DueWorkOutcome.Retry(e.RetryAt, "aguardando cota");
            }
            catch (TrayApiException e) when ((int)e.Status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests)
            {
                if (e.Status == HttpStatusCode.NotFound) link.State = LinkState.Broken;
                session.AppendIntegrationEvent(productId, new TraySyncFailed(item.TenantId, link.StoreId, "price-stock",
                    $"{e.Name}: {string.Join("; ", e.Causes)}", Retryable: e.Status != HttpStatusCode.NotFound, time.GetUtcNow()));
            }
            session.Store(link);
        }
        await session.SaveChangesAsync(cancellationToken);
        await MarkSentAsync(item.TenantId, productId, cancellationToken);
        return DueWorkOutcome.Done;
    }

    /// <summary>Clears the "run scheduled" flag and returns what is wanted now: from here on, a new change schedules the next
    /// run, which will send whatever this one does not.</summary>
    private Task<ProductSyncState?> TakeTurnAsync(string tenantId, Guid productId, CancellationToken cancellationToken) =>
        UpdateAsync(tenantId, productId, state => state.SyncScheduled = false, cancellationToken);

    private Task MarkSentAsync(string tenantId, Guid productId, CancellationToken cancellationToken) =>
        UpdateAsync(tenantId, productId, state => state.LastSentAt = time.GetUtcNow(), cancellationToken);

    /// <summary>Applies a change to the state; when a change from the consumer commits meanwhile, reads it again and retries.</summary>
    private async Task<ProductSyncState?> UpdateAsync(string tenantId, Guid productId, Action<ProductSyncState> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = documents.LightweightSession(tenantId);
            if (await session.LoadAsync<ProductSyncState>(productId, cancellationToken) is not { } state) return null;
            change(state);
            session.Store(state);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return state;
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 10) { }
        }
    }

    private static Dictionary<string, object> Body(ProductSyncState wanted) => TrayJson.Envelope("Product", new
    {
        price = wanted.Price, promotional_price = wanted.PromotionalPrice ?? 0, stock = wanted.Stock, available = wanted.Available ? 1 : 0,
    });
}
