namespace TrayBridge.Api.Orders;

/// <summary><c>POST /api/orders/sales-orders/{id}/cancel</c>: the merchant cancels a sales order that has no authorized NF-e
/// (never invoiced, or its note cancelled at SEFAZ). Answers 200 with the <see cref="SalesOrderDetail"/> (<c>cancelled</c>);
/// its Tray order is moved to the store's mapped cancelled status. <see cref="Reason"/> is optional, at most
/// <see cref="MaxReasonLength"/> characters.</summary>
public sealed record SalesOrderCancelRequest(string? Reason)
{
    public const int MaxReasonLength = 255;
}
