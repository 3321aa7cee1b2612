using TrayBridge.Contracts.Invoicing;

namespace TrayBridge.TrayConnector.Domain;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<InvoiceDeliveryState>))]
public enum InvoiceDeliveryState { Pendente, Enviada, Erro, Cancelada }

/// <summary>One authorized NF-e on its way to its Tray order, one per (store, Tray order, key): the natural key is the id,
/// so however often <c>NfeIssued</c> arrives it is delivered once. Shows where the delivery stands and its last error.</summary>
public sealed class InvoiceDelivery
{
    public required string Id { get; set; }
    public required string StoreId { get; set; }
    public required string TrayOrderId { get; set; }
    public Guid SalesOrderId { get; set; }
    public required string Key { get; set; }
    public int Number { get; set; }
    public int Series { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public decimal Value { get; set; }
    public string DanfeUrl { get; set; } = "";
    public string XmlUrl { get; set; } = "";
    public List<NfeItemCfop> Items { get; set; } = [];

    public InvoiceDeliveryState State { get; set; } = InvoiceDeliveryState.Pendente;
    /// <summary>Tray's id of the invoice once it exists there (posted by us, or found when reconciling).</summary>
    public string? TrayInvoiceId { get; set; }
    /// <summary>When the first POST of the invoice was about to be sent: set, an attempt may have stored it on Tray.</summary>
    public DateTimeOffset? PostStartedAt { get; set; }
    public bool StatusMoved { get; set; }
    /// <summary>Why the order's status was not moved (no "invoiced" status mapped for the store), null when it was.</summary>
    public string? StatusNote { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When SEFAZ cancelled the note (<c>NfeCancelled</c>): from then on it is never posted, and once
    /// <see cref="CancelInvoice"/> settled it the delivery is <see cref="InvoiceDeliveryState.Cancelada"/>.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancellationProtocol { get; set; }
    public string? CancellationNote { get; set; }
    /// <summary>The order's next note that was put over this one's Tray invoice (Tray cannot delete it).</summary>
    public string? ReplacedByKey { get; set; }

    /// <summary>Not on Tray and never to be: cancelled before any POST of it was started.</summary>
    public bool CancelledBeforeTray => CancelledAt is not null && TrayInvoiceId is null && PostStartedAt is null;

    public static string IdFor(string storeId, string trayOrderId, string key) => $"{storeId}:{trayOrderId}:{key}";

    public static InvoiceDelivery From(NfeIssued nfe, DateTimeOffset now) => new()
    {
        Id = IdFor(nfe.StoreId, nfe.TrayOrderId, nfe.ChaveDeAcesso), StoreId = nfe.StoreId, TrayOrderId = nfe.TrayOrderId,
        SalesOrderId = nfe.SalesOrderId, Key = nfe.ChaveDeAcesso, Number = nfe.Number, Series = nfe.Series, IssuedAt = nfe.IssuedAt,
        Value = nfe.Total, DanfeUrl = nfe.DanfeUrl, XmlUrl = nfe.XmlUrl, Items = [.. nfe.Items], ReceivedAt = now,
    };
}
