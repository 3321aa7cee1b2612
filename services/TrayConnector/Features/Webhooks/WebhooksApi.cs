using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.Stores;

namespace TrayBridge.TrayConnector.Features.Webhooks;

/// <summary><c>POST /webhooks/tray</c>, anonymous. Always 200, fast: any other answer makes Tray retry for about 20 days
/// and can get the URL blocked. A body that is not a notification, or names a store no tenant registered, is kept
/// as <c>ignored</c> with the reason; a good one waits as <c>pending</c>, and the first of a kind makes a re-read due
/// (<see cref="Orders.WebhookReread"/>) in the same statement, so a stored notification always gets processed.</summary>
public static class WebhooksApi
{
    public static void MapWebhooksApi(this WebApplication app) =>
        app.MapPost("/webhooks/tray", ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok> ReceiveAsync(HttpRequest request, StoreRegistry registry, NpgsqlDataSource dataSource,
        ServiceStore store, TimeProvider time, ILogger<TrayNotification> logger, CancellationToken cancellationToken)
    {
        try
        {
            var (notification, problem) = await TrayNotification.ReadAsync(request, cancellationToken);
            notification ??= new TrayNotification("", "", "", "", null);
            var tenant = problem is null ? await registry.TenantOfAsync(notification.SellerId, cancellationToken) : null;
            if (problem is null && tenant is null) problem = "unknown seller_id";
            await RecordAsync(dataSource, store, notification, tenant, problem, time.GetUtcNow(), cancellationToken);
            if (problem is not null) logger.LogWarning("Ignored a Tray webhook: {Reason}", problem);
        }
        catch (NpgsqlException e)
        {
            // Still 200: the order mirror's polling is the backstop for a notification we could not keep.
            logger.LogError(e, "Could not store a Tray webhook");
        }
        return TypedResults.Ok();
    }

    private static async Task RecordAsync(NpgsqlDataSource dataSource, ServiceStore store, TrayNotification n, string? tenant, string? problem,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            with saved as (
                insert into {store.Schema}.{WebhookInboxTable.Name}
                    (id, seller_id, scope_name, scope_id, act, app_code, tenant_id, status, reason, first_received_at, last_received_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
                on conflict (seller_id, scope_name, scope_id, act, status) where status <> 'processed'
                do update set received_count = {WebhookInboxTable.Name}.received_count + 1, last_received_at = excluded.last_received_at
                returning id, (xmax = 0) as inserted, status, tenant_id)
            insert into {store.Schema}.due_work (id, tenant_id, kind, payload, next_attempt_at, created_at)
            select $11, tenant_id, '{Orders.WebhookReread.DueWorkKind}', jsonb_build_object('inboxId', id), $10, $10
            from saved where inserted and status = 'pending'
            """);
        object?[] values = [Guid.CreateVersion7(), n.SellerId, n.ScopeName, n.ScopeId, n.Act, n.AppCode, tenant,
            problem is null ? "pending" : "ignored", problem, now, Guid.CreateVersion7()];
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
