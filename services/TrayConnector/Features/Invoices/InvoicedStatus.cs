using System.Text.Json;
using Marten;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Mirror;
using TrayBridge.TrayConnector.Features.Orders.StatusMap;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>Moves a Tray order to the store's mapped "invoiced" status (<c>PUT /orders/{id}</c> with <c>status_id</c>,
/// tray-api.md §4.6/§4.8). Statuses are per store: with none mapped as invoiced the order is left as it is, and says why.</summary>
public sealed class InvoicedStatus(IDocumentStore documents, OrderStatusReader statuses, TrayApiClient tray, TimeProvider time)
{
    /// <summary>The mirror's copy of the order is trusted for the cancelled check when read this recently (a webhook re-reads
    /// an order within seconds of its change on Tray): one call of the store's budget saved per invoice (issue 12).</summary>
    public static readonly TimeSpan FreshMirror = TimeSpan.FromSeconds(60);

    public const string Cancelled = "Pedido cancelado na Tray: a nota foi enviada, o status do pedido não foi alterado";
    public const string NotMapped = "Nenhum status da loja está mapeado como \"faturado\": a nota foi enviada, o status do pedido na Tray não foi alterado.";

    /// <summary>Null when the status was moved, else the reason it was not.</summary>
    public async Task<string?> MoveAsync(string tenantId, string storeId, string trayOrderId, CancellationToken cancellationToken)
    {
        OrderStatusMap? map;
        await using (var query = documents.QuerySession(tenantId))
            map = await query.LoadAsync<OrderStatusMap>(storeId, cancellationToken);
        // Never read yet: read it now (it guesses roles by name), at the invoice's priority.
        map ??= await statuses.RefreshAsync(tenantId, storeId, TrayPriority.InvoiceAndStatus, cancellationToken);
        if (map.InvoicedId is not { } invoicedId) return NotMapped;
        // The order's status as of now: a retry finds it already moved, and a cancelled order is never "un-cancelled" by us.
        var (statusId, statusName, cancelled) = await CurrentStatusAsync(tenantId, storeId, trayOrderId, cancellationToken);
        if (statusId == invoicedId) return null;
        // Our own dispatch reached Tray first (it may, the invoice's delivery lagging): the order is not moved back to invoiced.
        if (statusId == map.ShippedId && await ShippedByUsAsync(tenantId, storeId, trayOrderId, cancellationToken)) return null;
        if (map.IsCancelled(statusId) || cancelled) return $"{Cancelled} ({statusName}).";
        var body = TrayJson.Envelope("Order", new Dictionary<string, string> { ["status_id"] = invoicedId });
        (await tray.SendAsync(tenantId, storeId, HttpMethod.Put, $"orders/{trayOrderId}", body, TrayPriority.InvoiceAndStatus,
            cancellationToken)).Dispose();
        return null;
    }

    /// <summary>From the mirror when it read the order within <see cref="FreshMirror"/>, else from Tray.</summary>
    public async Task<(string? Id, string? Name, bool Cancelled)> CurrentStatusAsync(string tenantId, string storeId, string trayOrderId,
        CancellationToken cancellationToken)
    {
        await using (var query = documents.QuerySession(tenantId))
            if (await query.LoadAsync<MirroredOrder>(MirroredOrder.IdFor(storeId, trayOrderId), cancellationToken) is { LastReadAt: { } readAt } row
                && time.GetUtcNow() - readAt <= FreshMirror)
                return (row.StatusId, row.Status, row.Cancelled);
        var status = (await tray.GetAsync<JsonElement>(tenantId, storeId, $"orders/{trayOrderId}", TrayPriority.InvoiceAndStatus, cancellationToken))
            .Object("Order").Object("OrderStatus");
        return (status.Id("id"), status.Text("status"), TrayOrderReading.IsCancelled(status, null));
    }

    private async Task<bool> ShippedByUsAsync(string tenantId, string storeId, string trayOrderId, CancellationToken cancellationToken)
    {
        await using var query = documents.QuerySession(tenantId);
        return await query.LoadAsync<ShipmentDelivery>(ShipmentDelivery.IdFor(storeId, trayOrderId), cancellationToken)
            is { StatusMoved: true };
    }
}
