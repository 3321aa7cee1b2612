using MassTransit;

namespace TrayBridge.Contracts.Invoicing;

/// <summary>An NF-e (model 55) was authorized by SEFAZ for a sales order.</summary>
[MessageUrn("traybridge:invoicing:nfe-issued:v1", false)]
[EntityName("traybridge.invoicing.nfe-issued")]
[PublishedBy("Invoicing")]
public sealed record NfeIssued(
    string TenantId, string StoreId, string TrayOrderId, Guid SalesOrderId, string ChaveDeAcesso, int Number, int Series,
    DateTimeOffset IssuedAt, decimal Total, string Protocol, string DanfeUrl, string XmlUrl,
    IReadOnlyList<NfeItemCfop> Items, DateTimeOffset OccurredAt) : ITenantMessage
{
    /// <summary>The note's id in Invoicing (<c>GET /api/invoicing/nfes/{id}</c>); null from senders that predate it.</summary>
    public Guid? NfeId { get; init; }
}

/// <summary>The CFOP used for one Tray product line of the note.</summary>
public sealed record NfeItemCfop(string TrayProductId, string? TrayVariantId, string Cfop);
