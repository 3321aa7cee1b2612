using MassTransit;

namespace TrayBridge.Contracts.Invoicing;

/// <summary>SEFAZ (or our own validation) rejected the NF-e of a sales order; <see cref="StatusCode"/> is cStat.</summary>
[MessageUrn("traybridge:invoicing:nfe-rejected:v1", false)]
[EntityName("traybridge.invoicing.nfe-rejected")]
[PublishedBy("Invoicing")]
public sealed record NfeRejected(
    string TenantId, string StoreId, string TrayOrderId, Guid SalesOrderId, string StatusCode, string Reason,
    DateTimeOffset OccurredAt) : ITenantMessage;
