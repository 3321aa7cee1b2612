using MassTransit;

namespace TrayBridge.Contracts.Invoicing;

/// <summary>An NF-e (model 55) was authorized by SEFAZ for a sales order.</summary>
/// <param name="TenantId">The tenant (the ERP account) the event belongs to; equal to the TenantId header.</param>
/// <param name="StoreId">The Tray store id (Usuário of the Loja Virtual), as registered.</param>
/// <param name="TrayOrderId">Tray's order id in that store.</param>
/// <param name="SalesOrderId">The ERP sales order (pedido de venda) id in Orders.</param>
/// <param name="ChaveDeAcesso">The NF-e's 44-digit access key.</param>
/// <param name="Number">The NF-e number (nNF) in its series.</param>
/// <param name="Series">The NF-e series.</param>
/// <param name="IssuedAt">When the note was issued (dhEmi).</param>
/// <param name="Total">Total in reais (BRL).</param>
/// <param name="Protocol">SEFAZ's protocol number (nProt).</param>
/// <param name="DanfeUrl">Signed link to the DANFE (PDF); revocable.</param>
/// <param name="XmlUrl">Signed link to the authorized XML (nfeProc); revocable.</param>
/// <param name="Items">The CFOP of each Tray product line.</param>
/// <param name="OccurredAt">When it happened, in the publishing service's clock (UTC offset included).</param>
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
