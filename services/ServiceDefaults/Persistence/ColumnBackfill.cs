using System.Diagnostics;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace TrayBridge.ServiceDefaults.Persistence;

/// <summary>The part of a schema change that grows with the data, done before Marten applies the rest: Marten fills a
/// column it adds to a table with rows (a duplicated field) in one <c>update</c> of the whole table, and builds a new
/// index with a plain <c>create index</c> that blocks writers — on 100,000 mirrored orders that is minutes, past
/// Npgsql's command timeout, and the host never starts. Here the column is added empty (instant), filled a range of pages
/// at a time (each statement sized to a quarter of the command timeout, the range reached kept in
/// <c>mt_column_backfill</c>, so a host stopped half-way resumes there), and each new index is built
/// <c>concurrently</c> (writers go on; an invalid index a stopped build left is dropped first). Marten then finds both
/// in place and changes nothing. One replica does it at a time (an advisory lock); the others wait, then find nothing to do.</summary>
internal sealed partial class ColumnBackfill(IDocumentStore store, NpgsqlDataSource dataSource, ServiceStore service, ILogger<ColumnBackfill> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var held = await AdvisoryLock.TakeAsync(dataSource, $"{service.Schema}:column-backfill", cancellationToken);
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
        var progress = $"{service.Schema}.mt_column_backfill";
        await ExecuteAsync(db, $"create schema if not exists {service.Schema}; create table if not exists {progress} (table_name text, assignments text, "
            + "next_page bigint not null default 0, primary key (table_name, assignments))", cancellationToken);
        var deltas = (await store.Storage.Database.CreateMigrationAsync(cancellationToken)).Deltas.OfType<TableDelta>().Where(d => d.Actual is not null).ToList();
        var concurrently = new List<TableDelta>();
        foreach (var delta in deltas)
        {
            var missing = delta.Expected.Columns.Where(c => !delta.Actual!.Columns.Any(a => a.Name == c.Name)).ToList();
            // Marten writes "alter table … add column …;update … set <column> = <expression>;" for a duplicated field.
            var added = missing.Select(c => c.AddColumnSql(delta.Expected)).Select(sql => sql.Split(";update ", 2))
                .Where(parts => parts.Length == 2).Select(parts => (Alter: parts[0], Assignment: parts[1][(parts[1].IndexOf(" set ", StringComparison.Ordinal) + 5)..].TrimEnd(';', ' ', '\n')))
                .ToList();
            // Another kind of new column (Marten's own) is Marten's to add, and an index may need it: its indexes too.
            if (added.Count == missing.Count) concurrently.Add(delta);
            if (added.Count == 0) continue;
            // The columns and the work to fill them commit together: a host stopped now finds the work, not bare columns.
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            foreach (var column in added) await ExecuteAsync(db, column.Alter, cancellationToken);
            await ExecuteAsync(db, $"insert into {progress} (table_name, assignments) values ($1, $2) on conflict do nothing", cancellationToken,
                delta.Expected.Identifier.QualifiedName, string.Join(", ", added.Select(a => a.Assignment)));
            await transaction.CommitAsync(cancellationToken);
        }
        await using (var pending = new NpgsqlCommand($"select table_name, assignments, next_page from {progress}", db))
        {
            var work = new List<(string Table, string Assignments, long Next)>();
            await using (var reader = await pending.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) work.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            foreach (var (table, assignments, next) in work) await FillAsync(db, progress, table, assignments, next, cancellationToken);
        }
        foreach (var delta in concurrently)
        foreach (var index in delta.Expected.Indexes.Where(i => !delta.Actual!.Indexes.Any(a => a.Name == i.Name)))
            await BuildConcurrentlyAsync(db, delta.Expected, index, cancellationToken);
    }

    /// <summary>Page range after page range, to the table's end (which the updates themselves may push on: rows already
    /// right are passed over); each range one statement, grown or shrunk to take about a quarter of the command timeout.</summary>
    private async Task FillAsync(NpgsqlConnection db, string progress, string table, string assignments, long next, CancellationToken cancellationToken)
    {
        var pairs = assignments.Split(", ").Select(a => a.Split(" = ", 2)).ToList();
        var changed = $"({string.Join(", ", pairs.Select(p => p[0]))}) is distinct from ({string.Join(", ", pairs.Select(p => p[1]))})";
        var target = TimeSpan.FromSeconds(db.CommandTimeout > 0 ? db.CommandTimeout / 4.0 : 5);
        var (pages, filled) = (16L, 0);
        logger.LogInformation("Filling {Columns} of {Table} from page {Page}", string.Join(", ", pairs.Select(p => p[0])), table, next);
        while (next < await ScalarAsync(db, $"select pg_relation_size('{table}') / current_setting('block_size')::bigint", cancellationToken))
        {
            var clock = Stopwatch.StartNew();
            filled += await ExecuteAsync(db, $"update {table} set {assignments} where ctid >= '({next},0)'::tid and ctid < '({next + pages},0)'::tid and {changed}",
                cancellationToken);
            next += pages;
            await ExecuteAsync(db, $"update {progress} set next_page = $3 where table_name = $1 and assignments = $2", cancellationToken, table, assignments, next);
            pages = clock.Elapsed < target / 2 ? Math.Min(pages * 2, 1 << 16) : clock.Elapsed > target ? Math.Max(pages / 2, 1) : pages;
        }
        await ExecuteAsync(db, $"delete from {progress} where table_name = $1 and assignments = $2", cancellationToken, table, assignments);
        logger.LogInformation("Filled {Rows} rows of {Table}", filled, table);
    }

    private async Task BuildConcurrentlyAsync(NpgsqlConnection db, Table table, IndexDefinition index, CancellationToken cancellationToken)
    {
        // Left invalid by a build that stopped: "if not exists" would keep it, and it serves no query.
        if (await ScalarAsync(db, "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace "
                + $"where c.relname = '{index.Name}' and n.nspname = '{table.Identifier.Schema}' and not i.indisvalid", cancellationToken) > 0)
            await ExecuteAsync(db, $"drop index concurrently if exists {table.Identifier.Schema}.{index.Name}", cancellationToken);
        logger.LogInformation("Building index {Index} concurrently", index.Name);
        // Not bounded by the command timeout: one build cannot be cut in parts, and writers are not held while it runs.
        await using var build = new NpgsqlCommand(CreateIndex().Replace(index.ToDDL(table), "$1 CONCURRENTLY IF NOT EXISTS ", 1), db) { CommandTimeout = 0 };
        await build.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"^\s*(CREATE (?:UNIQUE )?INDEX)\s+(?:CONCURRENTLY\s+)?(?:IF NOT EXISTS\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    private static async Task<int> ExecuteAsync(NpgsqlConnection db, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
