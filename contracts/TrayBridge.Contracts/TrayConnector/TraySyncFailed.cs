using MassTransit;

namespace TrayBridge.Contracts.TrayConnector;

/// <summary>A call to Tray failed for good or for now; <see cref="Retryable"/> says whether it will be tried again.</summary>
/// <param name="TenantId">The tenant (the ERP account) the event belongs to; equal to the TenantId header.</param>
/// <param name="StoreId">The Tray store id (Usuário of the Loja Virtual), as registered.</param>
/// <param name="Operation">What was being done (e.g. invoice, status, stock).</param>
/// <param name="Reason">Why, in Portuguese, for people.</param>
/// <param name="Retryable">Whether it will be tried again (or can be, by the merchant).</param>
/// <param name="OccurredAt">When it happened, in the publishing service's clock (UTC offset included).</param>
[MessageUrn("traybridge:tray:sync-failed:v1", false)]
[EntityName("traybridge.tray.sync-failed")]
[PublishedBy("TrayConnector")]
public sealed record TraySyncFailed(
    string TenantId, string StoreId, string Operation, string Reason, bool Retryable, DateTimeOffset OccurredAt) : ITenantMessage;
