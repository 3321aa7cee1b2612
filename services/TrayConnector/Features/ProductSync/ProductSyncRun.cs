using System.Net;
using Marten;
using Npgsql;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Dedicated;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Operations;

namespace TrayBridge.TrayConnector.Features.ProductSync;

/// <summary>Sends a linked product's price, promotional price, stock and availability — and its variants' — to every store it
/// is on, as they are wanted now, not as they were when the run was scheduled: a burst of changes costs a few calls, and a
/// restart in the middle loses nothing (desired state and due run are both in PostgreSQL). Each store's link is written under
/// the product's <see cref="ProductLock"/>, so a sync and an export never overwrite each other's link.
/// <para>A store served by a dedicated connector gets a run of its own (<see cref="Payload.StoreId"/>, in its partition): the
/// product's run, which a shared connector claims, never calls Tray for it.</para></summary>
public sealed class ProductSyncRun(IDocumentStore documents, NpgsqlDataSource dataSource, TrayApiClient tray, DedicatedStores dedicated,
    DueWorkScheduler scheduler, TimeProvider time) : IDueWorkHandler
{
    public const string DueWorkKind = "tray.product-sync";
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);

    /// <summary><paramref name="StoreId"/> set: that store only (a dedicated store's run); null: every store but those.</summary>
    public sealed record Payload(Guid ProductId, string? StoreId = null);

    public string Kind => DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var (productId, onlyStore) = item.PayloadAs<Payload>();
        if (onlyStore is not null) return await SyncOneStoreAsync(item, productId, onlyStore, cancellationToken);
        if (await ProductSyncStates.TakeTurnAsync(documents, item.TenantId, productId, cancellationToken) is not { } wanted) return DueWorkOutcome.Done;
        IReadOnlyList<string> stores;
        await using (var query = documents.QuerySession(item.TenantId))
            stores = await query.Query<ProductLink>()
                .Where(l => l.ProductId == productId && l.State == LinkState.Linked && l.SyncedVersion < wanted.DesiredVersion
                            && l.AppliedVersion < wanted.DesiredVersion)
                .Select(l => l.StoreId).ToListAsync(cancellationToken);
        var busy = false;
        DueWorkOutcome? later = null;
        foreach (var storeId in stores)
        {
            if (await dedicated.IsServedElsewhereAsync(storeId, cancellationToken))
            {
                await HandOverAsync(item.TenantId, productId, storeId, cancellationToken);
                continue;
            }
            await using var held = await ProductLock.TryTakeAsync(dataSource, item.TenantId, storeId, productId, cancellationToken);
            if (held is null) busy = true; // an export is writing this link: try again in a moment
            // A store waiting (budget, or its Tray backing off) does not hold up the product's other stores.
            else if (await SyncStoreAsync(item.TenantId, storeId, productId, wanted, cancellationToken) is { } wait
                     && (later is null || wait.RetryAt < later.RetryAt)) later = wait;
        }
        if (later is not null) return later;
        await ProductSyncStates.MarkSentAsync(documents, item.TenantId, productId, time.GetUtcNow(), cancellationToken);
        // Spaced out by attempt: an export with many variants holds the product a while.
        return busy ? DueWorkOutcome.Retry(time.GetUtcNow() + Spacing * Math.Min(item.Attempt + 1, 30), "exportação em andamento") : DueWorkOutcome.Done;
    }

    /// <summary>Its own run for a store another connector serves; runs of one (product, store) stay in order.</summary>
    private async Task HandOverAsync(string tenantId, Guid productId, string storeId, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenantId);
        scheduler.Schedule(session, DueWorkKind, new Payload(productId, storeId), time.GetUtcNow(), partitionKey: storeId,
            orderingKey: $"product:{productId}:{storeId}");
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A dedicated store's run: what is wanted now goes to that store (a stale run finds it sent and calls nothing).</summary>
    private async Task<DueWorkOutcome> SyncOneStoreAsync(DueWorkItem item, Guid productId, string storeId, CancellationToken cancellationToken)
    {
        ProductSyncState? wanted;
        await using (var query = documents.QuerySession(item.TenantId))
            wanted = await query.LoadAsync<ProductSyncState>(productId, cancellationToken);
        if (wanted is null) return DueWorkOutcome.Done;
        await using var held = await ProductLock.TryTakeAsync(dataSource, item.TenantId, storeId, productId, cancellationToken);
        if (held is null) return DueWorkOutcome.Retry(time.GetUtcNow() + Spacing * Math.Min(item.Attempt + 1, 30), "exportação em andamento");
        return await SyncStoreAsync(item.TenantId, storeId, productId, wanted, cancellationToken) ?? DueWorkOutcome.Done;
    }

    /// <summary>Null when this store is done (sent, or failed visibly); else when to try again.</summary>
    private async Task<DueWorkOutcome?> SyncStoreAsync(string tenantId, string storeId, Guid productId, ProductSyncState wanted,
        CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenantId);
        // A removed store is not written to any more; its links stay as history.
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return null;
        // Read again under the lock: an export may have changed the link since the query.
        var link = await session.LoadAsync<ProductLink>(ProductLink.IdFor(storeId, productId), cancellationToken);
        if (link is not { State: LinkState.Linked } || link.SyncedVersion >= wanted.DesiredVersion || link.AppliedVersion >= wanted.DesiredVersion)
            return null;
        DueWorkOutcome? outcome = null;
        try
        {
            await new LinkSync(tray).SendAsync(session, tenantId, link, wanted, cancellationToken);
        }
        catch (StoreDisabledException)
        {
            throw; // the operation disabled the store: the runner parks the item (deferred, never an attempt) until enabled
        }
        catch (TrayBudgetExhaustedException e)
        {
            outcome = DueWorkOutcome.Retry(e.RetryAt, "aguardando cota"); // what was sent stays recorded on the link
        }
        catch (TrayStoreBackingOffException e)
        {
            outcome = DueWorkOutcome.Retry(e.RetryAt, e.Message);
        }
        catch (TrayApiException e) when ((int)e.Status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests)
        {
            if (e.Status == HttpStatusCode.NotFound) link.State = LinkState.Broken;
            session.AppendIntegrationEvent(productId, new TraySyncFailed(tenantId, link.StoreId, "price-stock",
                $"{e.Name}: {string.Join("; ", e.Causes)}", Retryable: e.Status != HttpStatusCode.NotFound, time.GetUtcNow()));
        }
        session.Store(link);
        await session.SaveChangesAsync(cancellationToken);
        return outcome;
    }
}
