using Npgsql;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Activity;
using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Features.Webhooks;

/// <summary>The inbox's two writes. A notification of a registered store is kept once per registration of its
/// <c>seller_id</c> (API host, store id) (coalesced with an identical one still waiting) while that registration has fewer
/// than its ceiling waiting; beyond it, one <c>overflow</c> row per registration counts what was dropped. Anything else is
/// counted on one row per reason, with no field of the body kept.</summary>
public static class WebhookInbox
{
    public const string Overflow = "overflow", OverflowReason = "too many notifications waiting for this store";

    public static async Task KeepAsync(NpgsqlDataSource dataSource, ServiceStore store, DueWorkScheduler scheduler, TrayNotification n,
        string apiHost, string tenant, int ceiling, DateTimeOffset now, StoreActivityLog activity, CancellationToken cancellationToken)
    {
        var inbox = $"{store.Schema}.{WebhookInboxTable.Name}";
        // The ceiling counts through webhook_inbox_open (api_host, seller_id first; status = 'pending' implies its predicate).
        // Notifications of one registration arriving together are counted one after the other: without the lock each would see
        // the others' rows uncommitted and the ceiling would be passed by as many as arrive at once.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var serialize = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended('webhook-inbox:' || $1 || '/' || $2, 0))", connection, transaction))
        {
            serialize.Parameters.Add(new NpgsqlParameter { Value = apiHost });
            serialize.Parameters.Add(new NpgsqlParameter { Value = n.SellerId });
            await serialize.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand(
            $"""
            with open_count as (select count(*) as n from {inbox} where api_host = $10 and seller_id = $2 and status = 'pending'),
            candidate as (
                select $1::uuid as id, $10 as api_host, $2 as seller_id, $3 as scope_name, $4 as scope_id, $5 as act, $6 as app_code, $7 as tenant_id,
                       case when (select n from open_count) < $9
                                 or exists (select 1 from {inbox} where api_host = $10 and seller_id = $2 and scope_name = $3 and scope_id = $4 and act = $5 and status = 'pending')
                            then 'pending' else 'ignored' end as status),
            saved as (
                insert into {inbox} (id, api_host, seller_id, scope_name, scope_id, act, app_code, tenant_id, status, reason, first_received_at, last_received_at)
                select id, api_host, seller_id,
                       case when status = 'pending' then scope_name else '{Overflow}' end,
                       case when status = 'pending' then scope_id else '' end,
                       case when status = 'pending' then act else '' end,
                       app_code, tenant_id, status,
                       case when status = 'pending' then null else '{OverflowReason}' end, $8, $8
                from candidate
                on conflict (api_host, seller_id, scope_name, scope_id, act, status) where status <> 'processed'
                do update set received_count = {WebhookInboxTable.Name}.received_count + 1, last_received_at = excluded.last_received_at
                returning id, (xmax = 0) as inserted, status)
            select id from saved where inserted and status = 'pending'
            """, connection, transaction);
        object?[] values = [Guid.CreateVersion7(), n.SellerId, n.ScopeName, n.ScopeId, n.Act, n.AppCode, tenant, now, ceiling, apiHost];
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        // A new pending notification (not one coalesced into a waiting row, not an overflow) makes its re-read due in the
        // same transaction: a stored notification always gets processed.
        if (await command.ExecuteScalarAsync(cancellationToken) is Guid inboxId)
            await scheduler.ScheduleAsync(connection, transaction, tenant, WebhookReread.DueWorkKind, new WebhookReread.Payload(inboxId), now,
                cancellationToken, partitionKey: n.SellerId);
        // Counted on the store's line of this minute for the scope, with the notification it describes. The scope is the
        // sender's text: only a few known ones get a line of their own, so a flood of made-up scopes is still one line a minute.
        var scope = n.ScopeName is "order" or "product" or "variant" or "customer" ? n.ScopeName : "outro";
        await activity.CountAsync(connection, transaction, tenant, new ActivityLine(n.SellerId, StoreActivityKinds.Webhook, StoreActivityResults.Ok,
            $"Notificações da Tray recebidas ({scope}).", SubjectType: scope), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One row per reason (seller and scope left empty): a flood of anything we ignore is a counter.</summary>
    public static async Task CountIgnoredAsync(NpgsqlDataSource dataSource, ServiceStore store, string reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            insert into {store.Schema}.{WebhookInboxTable.Name}
                (id, seller_id, scope_name, scope_id, act, status, reason, first_received_at, last_received_at)
            values ($1, '', $2, '', '', 'ignored', $2, $3, $3)
            on conflict (api_host, seller_id, scope_name, scope_id, act, status) where status <> 'processed'
            do update set received_count = {WebhookInboxTable.Name}.received_count + 1, last_received_at = excluded.last_received_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { Value = reason });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
