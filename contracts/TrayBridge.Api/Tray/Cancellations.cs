namespace TrayBridge.Api.Tray;

/// <summary>A sales order's cancellation on its way to its Tray order (<c>PUT /orders/{id}</c> with the store's mapped
/// cancelled <c>status_id</c>). <see cref="State"/> is one of <see cref="ShipmentDeliveryStates"/> (Pendente, Enviado, Erro);
/// <see cref="StatusNote"/> says why the status was not moved (already cancelled on Tray, no cancelled status mapped);
/// <see cref="LastError"/> is the last failure as Tray said it.</summary>
public sealed record OrderCancellationItem(string StoreId, string TrayOrderId, Guid SalesOrderId, string Reason, string State,
    bool StatusMoved, string? StatusNote, int Attempts, string? LastError, DateTimeOffset ReceivedAt, DateTimeOffset? SentAt);

/// <summary><c>POST /api/tray/orders/cancellations/retry</c>: move again a Tray order whose cancellation failed.</summary>
public sealed record RetryOrderCancellationRequest(string? StoreId, string? TrayOrderId);
