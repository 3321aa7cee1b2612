using Microsoft.Extensions.Options;
using Npgsql;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Webhooks;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Features.Orders.Mirror;

/// <summary>Acts on a stored notification by reading the record from Tray (the payload is never trusted), at most
/// <see cref="OrderSettings.WebhookRereadsPerMinute"/> per store: the excess waits its turn. Only the <c>order</c> scope
/// feeds anything yet; other scopes are closed with the reason.</summary>
public sealed class WebhookReread(NpgsqlDataSource dataSource, ServiceStore store, OrderMirror mirror, IOptions<OrderSettings> options,
    TimeProvider time) : IDueWorkHandler
{
    public const string DueWorkKind = "tray.webhook-reread";

    public sealed record Payload(Guid InboxId);

    public string Kind => DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var inboxId = item.PayloadAs<Payload>().InboxId;
        if (await NotificationAsync(inboxId, cancellationToken) is not ({ } n, var apiHost)) return DueWorkOutcome.Done;
        if (n.ScopeName != "order" || !long.TryParse(n.ScopeId, out _))
        {
            await CloseAsync(inboxId, $"scope '{n.ScopeName}' is not used", cancellationToken);
            return DueWorkOutcome.Done;
        }
        var now = time.GetUtcNow();
        if (await RereadsInLastMinuteAsync(apiHost, n.SellerId, now, cancellationToken) >= options.Value.WebhookRereadsPerMinute)
            return DueWorkOutcome.Retry(now.AddSeconds(10), "limite de releituras por minuto da loja");
        try
        {
            var found = await mirror.RefreshAsync(item.TenantId, n.SellerId, n.ScopeId, TrayPriority.WebhookReread, cancellationToken);
            await CloseAsync(inboxId, found is null ? "order not found on Tray" : null, cancellationToken);
        }
        catch (TrayBudgetExhaustedException e)
        {
            return DueWorkOutcome.Retry(e.RetryAt, "aguardando cota");
        }
        return DueWorkOutcome.Done;
    }

    /// <summary>The notification and the registration's host it was kept for (the tenant is the due work's).</summary>
    private async Task<(TrayNotification? Notification, string ApiHost)> NotificationAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select seller_id, scope_name, scope_id, act, api_host from {store.Schema}.{WebhookInboxTable.Name} where id = $1 and status = 'pending'");
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (new TrayNotification(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), null), reader.GetString(4))
            : (null, "");
    }

    /// <summary>Per registration (API host, store id): a fake registration's notifications never use the real one's re-reads.</summary>
    private async Task<long> RereadsInLastMinuteAsync(string apiHost, string sellerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select count(*) from {store.Schema}.{WebhookInboxTable.Name} where api_host = $3 and seller_id = $1 and processed_at > $2 and status = 'processed'");
        command.Parameters.Add(new() { Value = sellerId });
        command.Parameters.Add(new() { Value = now.AddMinutes(-1) });
        command.Parameters.Add(new() { Value = apiHost });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Processed rows leave the open-notification index, so the next identical notification starts a new row.</summary>
    private async Task CloseAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"update {store.Schema}.{WebhookInboxTable.Name} set status = 'processed', processed_at = $2, reason = coalesce($3, reason) where id = $1");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        command.Parameters.Add(new() { Value = (object?)reason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
