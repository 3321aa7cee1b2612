using TrayBridge.ServiceDefaults.Text;
using Marten;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Orders.StatusMap;

/// <summary>Reads a store's statuses from Tray into its <see cref="OrderStatusMap"/>. Roles the merchant confirmed are
/// kept; until then they are guessed from Tray's usual names ("A ENVIAR" is paid and waiting to ship, "CANCELADO"…).</summary>
public sealed class OrderStatusReader(IDocumentStore documents, TrayApiClient tray, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(6);

    public async Task<OrderStatusMap> RefreshAsync(string tenantId, string storeId, TrayPriority priority, CancellationToken cancellationToken)
    {
        var statuses = new List<TrayOrderStatus>();
        await foreach (var status in tray.ListAllAsync(tenantId, storeId, "orders/statuses", "OrderStatuses", "OrderStatus", priority, cancellationToken))
            if (status.Id("id") is { } id) statuses.Add(new TrayOrderStatus(id, status.Text("status") ?? ""));
        for (var attempt = 1; ; attempt++)
        {
            await using var session = documents.LightweightSession(tenantId);
            var map = await session.LoadAsync<OrderStatusMap>(storeId, cancellationToken) ?? new OrderStatusMap { Id = storeId };
            map.Statuses = statuses;
            if (!map.ConfirmedByUser) Guess(map);
            map.RefreshedAt = time.GetUtcNow();
            session.Store(map);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return map;
            }
            catch (Exception e) when (attempt < 5 && WriteConflicts.IsConflict(e)) { }
        }
    }

    private static void Guess(OrderStatusMap map)
    {
        static bool Named(TrayOrderStatus s, params string[] names) =>
            names.Any(n => TextFolding.Fold(s.Name).Contains(TextFolding.Fold(n), StringComparison.Ordinal));
        map.ApprovedIds = map.Statuses.Where(s => Named(s, "a enviar", "aprovad", "pagamento confirmado")).Select(s => s.Id).ToList();
        map.InvoicedId = map.Statuses.FirstOrDefault(s => Named(s, "faturad", "nota fiscal", "nf emitida"))?.Id;
        map.ShippedId = map.Statuses.FirstOrDefault(s => Named(s, "enviado", "despachado") && !Named(s, "a enviar"))?.Id;
        map.CancelledIds = map.Statuses.Where(s => Named(s, "cancelad")).Select(s => s.Id).ToList();
    }
}
