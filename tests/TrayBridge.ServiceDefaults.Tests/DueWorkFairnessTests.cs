using JasperFx.MultiTenancy;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TestSupport;

namespace TrayBridge.ServiceDefaults.Tests;

/// <summary>The due-work runner's fairness and ordering against a real PostgreSQL, in an in-process generic host (the
/// runner as every service runs it). Named after what a backlog or a slow store could do to everyone else.</summary>
public sealed class DueWorkFairnessTests : IAsyncDisposable
{
    private static readonly ServiceStore Store = new("due_work_fairness_tests", DaemonLockId: 49_002);
    private IsolatedInfrastructure? _database;

    private IsolatedInfrastructure Database => _database ?? throw new InvalidOperationException("Call CreateDatabaseAsync first.");

    /// <summary>In the test body, not a fixture: a missing server must skip the test, and only a test body can.</summary>
    private async Task CreateDatabaseAsync()
    {
        _database = await IsolatedInfrastructure.CreateAsync();
        await using var connection = new NpgsqlConnection(Database.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"create schema {Store.Schema}; create table {Store.Schema}.test_runs (item_id uuid, host text, tenant_id text, ran_at timestamptz default now(), started_at timestamptz, label text)",
            connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_tenant_with_a_backlog_of_slow_items_for_one_store_does_not_delay_another_tenant_or_its_own_other_store()
    {
        await CreateDatabaseAsync();
        await using var host = await StartHostAsync("fair");
        // 200 items of 100 ms each for one store, all due before anything else: run one after another they hold the
        // runner for 20 s; a fair runner takes the other store's and the other tenant's item in its first claims.
        await using (var connection = new NpgsqlConnection(Database.PostgresConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var backlog = new NpgsqlCommand(
                $"""
                insert into {Store.Schema}.due_work (id, tenant_id, kind, payload, next_attempt_at, created_at, partition_key)
                select gen_random_uuid(), 'tenant-busy', '{SlowHandler.KindName}', jsonb_build_object('label', 'backlog'),
                       now() - interval '1 minute' + g * interval '1 ms', now(), 'store-busy'
                from generate_series(1, 200) g
                """, connection);
            await backlog.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        var otherStore = await ScheduleAsync(host, SlowHandler.KindName, DateTimeOffset.UtcNow, tenant: "tenant-busy", partitionKey: "store-calm",
            payload: new { label = "other-store" });
        var otherTenant = await ScheduleAsync(host, SlowHandler.KindName, DateTimeOffset.UtcNow, tenant: "tenant-calm", partitionKey: "store-x",
            payload: new { label = "other-tenant" });

        await Eventually.ReturnsAsync(() => StatusesAsync(otherStore, otherTenant), s => s.All(x => x == "done"), TimeSpan.FromSeconds(10),
            "the other store's and the other tenant's items to run");
        var backlogDone = await ScalarAsync($"select count(*) from {Store.Schema}.test_runs where label = 'backlog'");
        Assert.True(backlogDone < 40, $"{backlogDone} of the backlog's items ran before the others were done");
    }

    [Fact]
    public async Task Items_sharing_an_ordering_key_run_one_at_a_time_in_order_even_when_the_first_fails_once()
    {
        await CreateDatabaseAsync();
        await using var host = await StartHostAsync("ordered");
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ids.Add(await ScheduleAsync(host, SlowHandler.KindName, DateTimeOffset.UtcNow, partitionKey: "store-1", orderingKey: "product-7",
                payload: new { label = $"v{i}", failFirst = i == 0 }));
        var unordered = await ScheduleAsync(host, SlowHandler.KindName, DateTimeOffset.UtcNow, partitionKey: "store-1", payload: new { label = "free" });

        await Eventually.ReturnsAsync(() => StatusesAsync([.. ids, unordered]), s => s.All(x => x == "done"), TimeSpan.FromSeconds(20), "every item to run");
        var runs = await OrderedRunsAsync();
        Assert.Equal(["v0", "v1", "v2", "v3"], runs.Where(r => r.Label != "free").Select(r => r.Label));
        var ordered = runs.Where(r => r.Label != "free").ToList();
        for (var i = 1; i < ordered.Count; i++)
            Assert.True(ordered[i].Started >= ordered[i - 1].Ended, $"{ordered[i].Label} started before {ordered[i - 1].Label} ended");
        // The item without a key did not wait for the keyed ones (the first of which is retried after a backoff).
        Assert.True(runs.Single(r => r.Label == "free").Ended < ordered[1].Started, "the unordered item waited behind the ordered ones");
    }

    [Fact]
    public async Task A_host_with_a_claim_filter_runs_only_the_rows_it_selects_and_leaves_the_others_pending()
    {
        await CreateDatabaseAsync();
        // What a dedicated connector registers: its store's partition only (the filter's parameters start at $6).
        await using var host = await StartHostAsync("dedicated", new DueWorkClaimFilter("d.partition_key = $6", ["store-mine"]));
        var mine = await ScheduleAsync(host, SlowHandler.KindName, DateTimeOffset.UtcNow, partitionKey: "store-mine", payload: new { label = "mine" });
        var others = await ScheduleAsync(host, SlowHandler.KindName, DateTimeOffset.UtcNow, partitionKey: "store-other", payload: new { label = "other" });
        var tenantWide = await ScheduleAsync(host, SlowHandler.KindName, DateTimeOffset.UtcNow, payload: new { label = "tenant" });
        var later = await ScheduleAsync(host, SlowHandler.KindName, DateTimeOffset.UtcNow, partitionKey: "store-mine", payload: new { label = "mine-2" });

        await Eventually.ReturnsAsync(() => StatusesAsync(mine, later), s => s.All(x => x == "done"), TimeSpan.FromSeconds(10), "the host's own rows");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken); // ten more polls
        Assert.Equal(["pending", "pending"], await StatusesAsync(others, tenantWide));
        Assert.Equal(0, (await RowAsync(others)).Attempts);
    }

    private async Task<RunningHost> StartHostAsync(string name, DueWorkClaimFilter? filter = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DueWork:PollInterval"] = "00:00:00.100", ["DueWork:MaxBackoff"] = "00:00:02" });
        builder.Services.AddSingleton(Store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new NpgsqlDataSourceBuilder(Database.PostgresConnectionString).Build());
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddSingleton(new HostName(name));
        builder.Services.AddMarten(options =>
        {
            options.Connection(Database.PostgresConnectionString);
            options.DatabaseSchemaName = Store.Schema;
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.AddDueWorkTable(Store.Schema);
        }).ApplyAllDatabaseChangesOnStartup();
        builder.Services.AddDueWork(builder.Configuration);
        builder.Services.AddDueWorkHandler<SlowHandler>();
        if (filter is not null) builder.Services.AddDueWorkClaimFilter(filter);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new RunningHost(host);
    }

    private static async Task<Guid> ScheduleAsync(RunningHost host, string kind, DateTimeOffset dueAt, string tenant = "tenant-due",
        string? partitionKey = null, string? orderingKey = null, object? payload = null)
    {
        await using var session = host.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession(tenant);
        var id = host.Host.Services.GetRequiredService<DueWorkScheduler>().Schedule(session, kind, payload ?? new { note = "do it later" }, dueAt,
            partitionKey, orderingKey);
        await session.SaveChangesAsync();
        return id;
    }

    private async Task<string> StatusAsync(Guid id) => (await RowAsync(id)).Status;

    private async Task<List<string>> StatusesAsync(params Guid[] ids)
    {
        var statuses = new List<string>();
        foreach (var id in ids) statuses.Add(await StatusAsync(id));
        return statuses;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<(string Label, DateTimeOffset Started, DateTimeOffset Ended)>> OrderedRunsAsync()
    {
        await using var connection = new NpgsqlConnection(Database.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select label, started_at, ran_at from {Store.Schema}.test_runs where label is not null order by started_at", connection);
        var runs = new List<(string, DateTimeOffset, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) runs.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2)));
        return runs;
    }

    private async Task<(string Status, int Attempts, string? LastError)> RowAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(Database.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select status, attempts, last_error from {Store.Schema}.due_work where id = $1", connection);
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    private sealed record HostName(string Value);

    /// <summary>Stopping runs the hosted services' shutdown, as a replica being replaced does.</summary>
    private sealed record RunningHost(IHost Host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
        }
    }

    /// <summary>Takes 100 ms and records when it started and ended, under its payload's label; fails its first attempt when told.</summary>
    private sealed class SlowHandler(NpgsqlDataSource dataSource, HostName host, TenantContext tenant) : IDueWorkHandler
    {
        public const string KindName = "test.slow";
        public string Kind => KindName;

        public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
        {
            var started = DateTimeOffset.UtcNow;
            var label = item.Payload.GetProperty("label").GetString();
            if (item.Attempt == 1 && item.Payload.TryGetProperty("failFirst", out var fail) && fail.GetBoolean())
                throw new HttpRequestException("Tray answered 503");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            await using var command = dataSource.CreateCommand(
                $"insert into {Store.Schema}.test_runs (item_id, host, tenant_id, started_at, label, ran_at) values ($1, $2, $3, $4, $5, $6)");
            command.Parameters.Add(new() { Value = item.Id });
            command.Parameters.Add(new() { Value = host.Value });
            command.Parameters.Add(new() { Value = tenant.Require() });
            command.Parameters.Add(new() { Value = started });
            command.Parameters.Add(new() { Value = label! });
            command.Parameters.Add(new() { Value = DateTimeOffset.UtcNow });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return DueWorkOutcome.Done;
        }
    }
}
