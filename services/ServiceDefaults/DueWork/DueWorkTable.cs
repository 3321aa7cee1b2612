using Npgsql;

namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>The <c>due_work</c> table in the service's schema. Rows are never deleted by the runner:
/// done and failed rows stay inspectable, and a failed row is re-driven by setting it back to pending.</summary>
public static class DueWorkTable
{
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            create schema if not exists {schema};
            create table if not exists {schema}.due_work (
                id uuid primary key,
                tenant_id text not null,
                kind text not null,
                payload jsonb not null,
                status text not null default 'pending',
                next_attempt_at timestamptz not null,
                leased_until timestamptz,
                attempts int not null default 0,
                last_error text,
                created_at timestamptz not null,
                finished_at timestamptz);
            create index if not exists due_work_pending on {schema}.due_work (next_attempt_at) where status = 'pending';
            """);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject)
        {
            // Two hosts created it at the same moment: it exists, which is all we need.
        }
    }
}
