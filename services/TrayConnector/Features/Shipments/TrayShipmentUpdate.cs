using System.Globalization;
using System.Text.Json;
using Marten;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Mirror;
using TrayBridge.TrayConnector.Features.Orders.StatusMap;

namespace TrayBridge.TrayConnector.Features.Shipments;

/// <summary>Puts a dispatch on its Tray order: <c>PUT /orders/{id}</c> with <c>sending_code</c>, <c>sending_date</c>,
/// <c>tracking_url</c> and the store's mapped shipped <c>status_id</c> (tray-api.md §4.8). The order is read first and
/// compared, so whatever is retried — a lost answer, a connector killed mid-call, a duplicate message — Tray gets at most
/// the one PUT it lacks: when it already has this code, URL and status, nothing is sent. Budget at the invoice's priority.</summary>
public sealed class TrayShipmentUpdate(IDocumentStore documents, OrderStatusReader statuses, TrayApiClient tray)
{
    public const string NotMapped = "Nenhum status da loja está mapeado como \"enviado\": o rastreio foi enviado à Tray, o status do pedido não foi alterado.";
    public const string Cancelled = "Pedido cancelado na Tray: o rastreio foi enviado, o status do pedido não foi alterado";

    /// <summary>Null when the status is (now) the shipped one, else why it was left.</summary>
    public async Task<string?> ApplyAsync(string tenantId, ShipmentDelivery delivery, CancellationToken cancellationToken)
    {
        OrderStatusMap? map;
        await using (var query = documents.QuerySession(tenantId))
            map = await query.LoadAsync<OrderStatusMap>(delivery.StoreId, cancellationToken);
        map ??= await statuses.RefreshAsync(tenantId, delivery.StoreId, TrayPriority.InvoiceAndStatus, cancellationToken);
        var order = (await tray.GetAsync<JsonElement>(tenantId, delivery.StoreId, $"orders/{delivery.TrayOrderId}", TrayPriority.InvoiceAndStatus,
            cancellationToken)).Object("Order");
        var status = order.Object("OrderStatus");
        var statusId = status.Id("id");
        string? note = null;
        var body = new Dictionary<string, string>();
        if (map.ShippedId is null) note = NotMapped;
        else if (statusId != map.ShippedId)
        {
            // A cancelled order is never "un-cancelled" by us: it gets the tracking, and the reason it kept its status.
            if (map.IsCancelled(statusId) || TrayOrderReading.IsCancelled(status, null)) note = $"{Cancelled} ({status.Text("status")}).";
            else body["status_id"] = map.ShippedId;
        }
        var trackingUrl = delivery.TrackingUrl ?? "";
        if (body.Count > 0 || order.Text("sending_code") != delivery.TrackingCode || (order.Text("tracking_url") ?? "") != trackingUrl)
        {
            // Tray keeps what it is given: the whole tracking is sent together, so the order never shows half of it.
            body["sending_code"] = delivery.TrackingCode;
            body["sending_date"] = delivery.ShippedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            body["tracking_url"] = trackingUrl;
            (await tray.SendAsync(tenantId, delivery.StoreId, HttpMethod.Put, $"orders/{delivery.TrayOrderId}", TrayJson.Envelope("Order", body),
                TrayPriority.InvoiceAndStatus, cancellationToken)).Dispose();
        }
        return note;
    }
}
