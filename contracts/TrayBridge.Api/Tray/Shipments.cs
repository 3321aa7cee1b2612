namespace TrayBridge.Api.Tray;

/// <summary>A sales order's dispatch on its way to its Tray order (<c>PUT /orders/{id}</c> with <c>sending_code</c>,
/// <c>sending_date</c>, <c>tracking_url</c> and the store's shipped <c>status_id</c>). <see cref="State"/> is one of
/// <see cref="ShipmentDeliveryStates"/>; <see cref="StatusNote"/> says why the order's status was not moved (no shipped
/// status mapped, a cancelled order) while the tracking data was sent; <see cref="LastError"/> is the last failure as Tray said it.</summary>
public sealed record ShipmentDeliveryItem(string StoreId, string TrayOrderId, Guid SalesOrderId, string Carrier, string TrackingCode,
    string? TrackingUrl, DateOnly ShippedAt, string State, bool StatusMoved, string? StatusNote, int Attempts, string? LastError,
    DateTimeOffset ReceivedAt, DateTimeOffset? SentAt);

/// <summary><c>GET /api/tray/shipments?storeId=&amp;trayOrderId=</c>: newest first, at most <see cref="MaxItems"/>.</summary>
public sealed record ShipmentDeliveryList(int Total, IReadOnlyList<ShipmentDeliveryItem> Items)
{
    public const int MaxItems = 500;
}

/// <summary><c>POST /api/tray/shipments/retry</c>: send again a dispatch Tray refused, or one sent without moving the status.</summary>
public sealed record RetryShipmentRequest(string? StoreId, string? TrayOrderId);

/// <summary>The states of <see cref="ShipmentDeliveryItem.State"/>: "Rastreio enviado à Tray", aguardando, erro.</summary>
public static class ShipmentDeliveryStates
{
    public const string Pending = "Pendente";
    public const string Sent = "Enviado";
    public const string Error = "Erro";
}
