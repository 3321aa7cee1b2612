using System.Text.Json;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>The runner's fair claim. Due rows are ranked inside their (tenant, partition) and then inside their tenant,
/// counting what is already in flight (leased, on any host), and taken lowest rank first: each tenant gets its first
/// item before any gets its second, and inside a tenant each store likewise. Partitions and tenants at their in-flight
/// cap get nothing more. A row with an ordering key is due only when no earlier pending row shares its key — so at most
/// one per key is ever in flight, and in order.</summary>
internal static class DueWorkClaims
{
    public static async Task<List<DueWorkItem>> ClaimAsync(NpgsqlDataSource dataSource, ServiceStore store, DueWorkSettings settings,
        int limit, DateTimeOffset now, CancellationToken cancellationToken, DueWorkClaimFilter? filter = null)
    {
        var table = $"{store.Schema}.due_work";
        var only = filter is null ? "" : $"and ({filter.Predicate})";
        await using var command = dataSource.CreateCommand(
            $"""
            with busy as (
                select tenant_id, coalesce(partition_key, tenant_id) as part, count(*) as n
                from {table} where status = 'pending' and leased_until > $2 group by 1, 2),
            busy_tenant as (select tenant_id, sum(n) as n from busy group by 1),
            due as (
                select d.id, d.tenant_id, coalesce(d.partition_key, d.tenant_id) as part, d.next_attempt_at
                from {table} d
                where d.status = 'pending' and d.next_attempt_at <= $2 and (d.leased_until is null or d.leased_until <= $2) {only}
                  and (d.ordering_key is null or not exists (
                      select 1 from {table} e
                      where e.status = 'pending' and e.tenant_id = d.tenant_id and e.ordering_key = d.ordering_key
                        and (e.created_at, e.id) < (d.created_at, d.id)))),
            in_part as (
                select due.id, due.tenant_id, due.next_attempt_at,
                       row_number() over (partition by due.tenant_id, due.part order by due.next_attempt_at, due.id) + coalesce(b.n, 0) as rank_part
                from due left join busy b on b.tenant_id = due.tenant_id and b.part = due.part),
            in_tenant as (
                select p.id, p.rank_part, p.next_attempt_at,
                       row_number() over (partition by p.tenant_id order by p.rank_part, p.next_attempt_at, p.id) + coalesce(t.n, 0) as rank_tenant
                from in_part p left join busy_tenant t on t.tenant_id = p.tenant_id
                where p.rank_part <= $4)
            update {table} set leased_until = $1, attempts = attempts + 1
            where id in (select w.id from {table} w join in_tenant f on f.id = w.id
                         where f.rank_tenant <= $5 and w.status = 'pending' and (w.leased_until is null or w.leased_until <= $2)
                         order by f.rank_tenant, f.rank_part, f.next_attempt_at limit $3 for update of w skip locked)
            returning id, tenant_id, kind, payload::text, attempts, trace_parent
            """);
        command.Parameters.Add(new() { Value = now + settings.Lease });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = limit });
        command.Parameters.Add(new() { Value = (long)Math.Max(1, settings.MaxInFlightPerPartition) });
        command.Parameters.Add(new() { Value = (long)Math.Max(1, settings.MaxInFlightPerTenant) });
        foreach (var value in filter?.Parameters ?? []) command.Parameters.Add(new() { Value = value });
        var items = new List<DueWorkItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            items.Add(new DueWorkItem(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                JsonSerializer.Deserialize<JsonElement>(reader.GetString(3)), reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return items;
    }
}
