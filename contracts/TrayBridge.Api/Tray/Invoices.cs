namespace TrayBridge.Api.Tray;

/// <summary>One NF-e sent (or being sent) to a Tray order. <see cref="State"/> is <c>Pendente</c>, <c>Enviada</c> or
/// <c>Erro</c>; <see cref="StatusNote"/> says why the order's status was not moved; <see cref="LastError"/> is the last
/// failure as Tray said it.</summary>
public sealed record InvoiceDeliveryItem(string Id, string StoreId, string TrayOrderId, Guid SalesOrderId, string Key, int Number, int Series,
    DateTimeOffset IssuedAt, decimal Value, string DanfeUrl, string XmlUrl, IReadOnlyList<InvoiceItemCfop> Items, string State,
    string? TrayInvoiceId, bool StatusMoved, string? StatusNote, int Attempts, string? LastError, DateTimeOffset ReceivedAt, DateTimeOffset? SentAt);

public sealed record InvoiceItemCfop(string TrayProductId, string? TrayVariantId, string Cfop);

/// <summary><c>GET /api/tray/invoices?storeId=&amp;trayOrderId=</c>: newest first, at most <see cref="MaxItems"/>.</summary>
public sealed record InvoiceDeliveryList(int Total, IReadOnlyList<InvoiceDeliveryItem> Items)
{
    public const int MaxItems = 500;
}

/// <summary><c>POST /api/tray/invoices/retry</c>: send again a delivery Tray refused, or one sent without moving the status.</summary>
public sealed record RetryInvoiceRequest(string? StoreId, string? TrayOrderId, string? Key);

/// <summary>The states of <see cref="InvoiceDeliveryItem.State"/>.</summary>
public static class InvoiceDeliveryStates
{
    public const string Pending = "Pendente";
    public const string Sent = "Enviada";
    public const string Error = "Erro";
}
