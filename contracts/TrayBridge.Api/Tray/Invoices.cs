namespace TrayBridge.Api.Tray;

/// <summary>One NF-e sent (or being sent) to a Tray order. <see cref="State"/> is <c>Pendente</c>, <c>Enviada</c>,
/// <c>Erro</c> or <c>Cancelada</c> (cancelled at SEFAZ); <see cref="StatusNote"/> says why the order's status was not moved;
/// <see cref="LastError"/> is the last failure as Tray said it.</summary>
public sealed record InvoiceDeliveryItem(string Id, string StoreId, string TrayOrderId, Guid SalesOrderId, string Key, int Number, int Series,
    DateTimeOffset IssuedAt, decimal Value, string DanfeUrl, string XmlUrl, IReadOnlyList<InvoiceItemCfop> Items, string State,
    string? TrayInvoiceId, bool StatusMoved, string? StatusNote, int Attempts, string? LastError, DateTimeOffset ReceivedAt, DateTimeOffset? SentAt)
{
    /// <summary>When SEFAZ cancelled the note (<c>NfeCancelled</c>); null while it stands.</summary>
    public DateTimeOffset? CancelledAt { get; init; }
    /// <summary>What the cancellation did on Tray, in Portuguese (Tray's API cannot delete an order's invoice).</summary>
    public string? CancellationNote { get; init; }
    /// <summary>The key of the order's next NF-e that took this one's place on Tray (one PUT over the same invoice).</summary>
    public string? ReplacedByKey { get; init; }
}

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
    public const string Cancelled = "Cancelada";
}
