using TrayBridge.ServiceDefaults.Text;
using System.Net;
using System.Text.Json;
using Marten;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Changes;
using TrayBridge.TrayConnector.Features.Orders.Import;

namespace TrayBridge.TrayConnector.Features.Orders.Mirror;

/// <summary>Reads an order's <c>/complete</c> and records it in the mirror. Every way an order arrives (polling, webhook,
/// import) goes through here, so a change after import is noticed whichever way it is seen.</summary>
public sealed class OrderMirror(IDocumentStore documents, TrayApiClient tray, DueWorkScheduler scheduler, TimeProvider time)
{
    /// <summary>The mirror's last read when it is younger than <paramref name="maxAge"/> (applied like a fresh one), else
    /// <see cref="RefreshAsync"/>: an import right after a poll or webhook read spends no second call on the order.</summary>
    public async Task<TrayOrderFetched?> RecentOrRefreshAsync(string tenantId, string storeId, string trayOrderId, TrayPriority priority,
        TimeSpan maxAge, CancellationToken cancellationToken, Action<MirroredOrder, TrayOrderFetched> apply)
    {
        MirroredOrder? known;
        await using (var query = documents.QuerySession(tenantId))
            known = await query.LoadAsync<MirroredOrder>(MirroredOrder.IdFor(storeId, trayOrderId), cancellationToken);
        if (known is not { LastRead: not null, LastReadAt: { } readAt } || time.GetUtcNow() - readAt > maxAge)
            return await RefreshAsync(tenantId, storeId, trayOrderId, priority, cancellationToken, apply);
        TrayOrderFetched? used = null;
        // The row is read again inside the update: a read that landed meanwhile is newer, and is the one applied.
        await UpdateAsync(tenantId, storeId, trayOrderId, row => apply(row, used = row.LastRead ?? known.LastRead), cancellationToken);
        return used;
    }

    /// <summary>The order as Tray has it now, recorded; null when Tray no longer has it. <paramref name="listRow"/> is the
    /// order's row of the listing that found it, for what Tray documents on the list only (progressive discounts).</summary>
    public async Task<TrayOrderFetched?> RefreshAsync(string tenantId, string storeId, string trayOrderId, TrayPriority priority,
        CancellationToken cancellationToken, Action<MirroredOrder, TrayOrderFetched>? alsoApply = null, JsonElement? listRow = null)
    {
        JsonElement complete;
        try
        {
            complete = await tray.GetAsync<JsonElement>(tenantId, storeId, $"orders/{trayOrderId}/complete", priority, cancellationToken);
        }
        catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            // Only a row this store already has is marked: a notification of an order its own host does not know starts
            // none, or a registration of a real store id at a fake host would list the real store's order ids.
            await UpdateAsync(tenantId, storeId, trayOrderId, (row, _) => row.NotFoundOnTray(), cancellationToken, onlyExisting: true);
            return null;
        }
        OrderStatusMap? statuses;
        await using (var query = documents.QuerySession(tenantId))
            statuses = await query.LoadAsync<OrderStatusMap>(storeId, cancellationToken);
        var fetched = TrayOrderReading.Read(complete, tenantId, storeId, time.GetUtcNow());
        fetched = fetched with { Cancelled = fetched.Cancelled || statuses?.IsCancelled(fetched.StatusId) == true };
        if (listRow is { } row && TrayOrderReading.LacksListAdjustments(fetched)) fetched = TrayOrderReading.WithListAdjustments(fetched, row);
        var modified = complete.Object("Order").Text("modified");
        await UpdateAsync(tenantId, storeId, trayOrderId, (row, session) =>
        {
            Apply(row, fetched, modified, time.GetUtcNow());
            alsoApply?.Invoke(row, fetched);
            OrderChangeDetection.Check(row, session, time.GetUtcNow());
            if (statuses is { AutoImportApproved: true } && statuses.IsApproved(row.StatusId) && row.AwaitsImport)
            {
                // Auto-import: scheduled with the row's change, so an approved order is never seen and then forgotten.
                row.ImportRequested(time.GetUtcNow());
                scheduler.Schedule(session, ImportOrder.DueWorkKind, new ImportOrder.Payload(storeId, trayOrderId), time.GetUtcNow(),
                    partitionKey: storeId);
            }
        }, cancellationToken);
        return fetched;
    }

    public Task UpdateAsync(string tenantId, string storeId, string trayOrderId, Action<MirroredOrder> change, CancellationToken cancellationToken) =>
        UpdateAsync(tenantId, storeId, trayOrderId, (row, _) => change(row), cancellationToken);

    /// <summary>Loads (or starts, unless <paramref name="onlyExisting"/>) the row, applies the change and saves; a concurrent
    /// writer makes it read again and retry.</summary>
    public async Task UpdateAsync(string tenantId, string storeId, string trayOrderId, Action<MirroredOrder, IDocumentSession> change,
        CancellationToken cancellationToken, bool onlyExisting = false)
    {
        var id = MirroredOrder.IdFor(storeId, trayOrderId);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = documents.LightweightSession(tenantId);
            var existing = await session.LoadAsync<MirroredOrder>(id, cancellationToken);
            if (existing is null && onlyExisting) return;
            var row = existing
                      ?? new MirroredOrder { Id = id, StoreId = storeId, TrayOrderId = long.Parse(trayOrderId, System.Globalization.CultureInfo.InvariantCulture) };
            change(row, session);
            row.UpdatedAt = time.GetUtcNow();
            session.Store(row);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 10 && WriteConflicts.IsConflict(e)) { }
        }
    }

    private static void Apply(MirroredOrder row, TrayOrderFetched order, string? modified, DateTimeOffset now)
    {
        (row.LastRead, row.LastReadAt) = (order, now);
        row.PlacedAt = order.PlacedAt;
        row.PlacedDay = order.PlacedAt is { } at ? DayNumber.Of(DateOnly.FromDateTime(TrayLocalTimeConverter.ToSaoPaulo(at))) : 0;
        row.CustomerName = order.Customer?.Name ?? "";
        row.CustomerSearch = TextFolding.Fold(row.CustomerName);
        row.Total = order.Total;
        row.Status = order.Status;
        row.StatusId = order.StatusId;
        row.Cancelled = order.Cancelled;
        row.Origin = order.Origin;
        row.Modified = modified;
        row.ContentHash = order.ContentHash;
        row.Items = order.Items.Select(i => new MirroredOrderItem(i.TrayProductId, i.TrayVariantId, i.Quantity)).ToList();
        row.Complete = true;
        row.FoundOnTray();
    }
}
