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

namespace TrayBridge.IntegrationTests;

/// <summary>Due work against a real PostgreSQL: hosts here are in-process generic hosts sharing one database, as
/// service replicas share theirs.</summary>
public sealed class DueWorkTests : IAsyncDisposable
{
    private static readonly ServiceStore Store = new("due_work_tests", DaemonLockId: 49_001);
    private IsolatedInfrastructure? _database;

    private IsolatedInfrastructure Database => _database ?? throw new InvalidOperationException("Call CreateDatabaseAsync first.");

    /// <summary>In the test body, not a fixture: a missing server must skip the test, and only a test body can.</summary>
    private async Task CreateDatabaseAsync()
    {
        _database = await IsolatedInfrastructure.CreateAsync();
        await using var connection = new NpgsqlConnection(Database.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"create schema {Store.Schema}; create table {Store.Schema}.test_runs (item_id uuid, host text, tenant_id text, ran_at timestamptz default now())",
            connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_item_due_in_2_seconds_runs_once_on_time_even_with_two_hosts_polling()
    {
        await CreateDatabaseAsync();
        await using var first = await StartHostAsync("first");
        await using var second = await StartHostAsync("second");

        var scheduledAt = DateTimeOffset.UtcNow;
        var id = await ScheduleAsync(first, RecordingHandler.KindName, scheduledAt.AddSeconds(2));

        var runs = await Eventually.ReturnsAsync(() => RunsAsync(id), r => r.Count > 0, TimeSpan.FromSeconds(15), "the item to run");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        runs = await RunsAsync(id);
        Assert.Single(runs);
        Assert.True(runs[0].At >= scheduledAt.AddSeconds(2), $"ran at {runs[0].At:O}, before it was due");
        Assert.Equal("done", await StatusAsync(id));
    }

    [Fact]
    public async Task An_item_survives_a_restart_of_the_host_that_scheduled_it()
    {
        await CreateDatabaseAsync();
        Guid id;
        await using (var before = await StartHostAsync("before-restart"))
        {
            // Due well after this host has stopped, even on a loaded CI machine where stopping takes seconds.
            id = await ScheduleAsync(before, RecordingHandler.KindName, DateTimeOffset.UtcNow.AddSeconds(30));
        }
        Assert.Empty(await RunsAsync(id));
        // The stopped host cannot run it any more: bring its time forward rather than wait half a minute for it. What is
        // proved stays the same: the row outlived its host, and the next host runs it.
        await using (var connection = new NpgsqlConnection(Database.PostgresConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"update {Store.Schema}.due_work set next_attempt_at = now() where id = $1", connection);
            command.Parameters.Add(new() { Value = id });
            Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        await using var after = await StartHostAsync("after-restart");

        var runs = await Eventually.ReturnsAsync(() => RunsAsync(id), r => r.Count > 0, TimeSpan.FromSeconds(45), "the item to run after restart");
        Assert.Equal("after-restart", Assert.Single(runs).Host);
    }

    [Fact]
    public async Task A_failing_item_keeps_its_error_visible_and_is_tried_again_later()
    {
        await CreateDatabaseAsync();
        await using var host = await StartHostAsync("flaky");
        var id = await ScheduleAsync(host, FailingUntilOpenHandler.KindName, DateTimeOffset.UtcNow);

        var afterFailure = await Eventually.ReturnsAsync(() => RowAsync(id), r => r.Attempts >= 1 && r.Status == "pending" && r.LastError is not null,
            TimeSpan.FromSeconds(15), "the first attempt to fail");
        Assert.Contains("Tray answered 503", afterFailure.LastError);
        Assert.Empty(await RunsAsync(id));

        host.Host.Services.GetRequiredService<Gate>().Open = true;
        await Eventually.ReturnsAsync(() => RowAsync(id), r => r.Status == "done", TimeSpan.FromSeconds(15), "the retry to succeed");
        Assert.Single(await RunsAsync(id));
    }

    private async Task<RunningHost> StartHostAsync(string name)
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
        builder.Services.AddDueWorkHandler<RecordingHandler>();
        builder.Services.AddDueWorkHandler<FailingUntilOpenHandler>();
        builder.Services.AddSingleton<Gate>();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new RunningHost(host);
    }

    private static async Task<Guid> ScheduleAsync(RunningHost host, string kind, DateTimeOffset dueAt)
    {
        await using var session = host.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession("tenant-due");
        var id = host.Host.Services.GetRequiredService<DueWorkScheduler>().Schedule(session, kind, new { note = "do it later" }, dueAt);
        await session.SaveChangesAsync();
        return id;
    }

    private async Task<List<(string Host, DateTimeOffset At)>> RunsAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(Database.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select host, ran_at from {Store.Schema}.test_runs where item_id = $1 and tenant_id = 'tenant-due'", connection);
        command.Parameters.Add(new() { Value = id });
        var runs = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) runs.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return runs;
    }

    private async Task<string> StatusAsync(Guid id) => (await RowAsync(id)).Status;

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

    /// <summary>Keeps <see cref="FailingUntilOpenHandler"/> failing until the test has seen the failure.</summary>
    private sealed class Gate
    {
        public volatile bool Open;
    }

    /// <summary>Stopping runs the hosted services' shutdown, as a replica being replaced does.</summary>
    private sealed record RunningHost(IHost Host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
        }
    }

    /// <summary>Records each run with the host that ran it and the tenant it ran for.</summary>
    private class RecordingHandler(NpgsqlDataSource dataSource, HostName host, TenantContext tenant) : IDueWorkHandler
    {
        public const string KindName = "test.record";
        public virtual string Kind => KindName;

        public virtual async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
        {
            await using var command = dataSource.CreateCommand($"insert into {Store.Schema}.test_runs (item_id, host, tenant_id) values ($1, $2, $3)");
            command.Parameters.Add(new() { Value = item.Id });
            command.Parameters.Add(new() { Value = host.Value });
            command.Parameters.Add(new() { Value = tenant.Require() });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return DueWorkOutcome.Done;
        }
    }

    private sealed class FailingUntilOpenHandler(NpgsqlDataSource dataSource, HostName host, TenantContext tenant, Gate gate)
        : RecordingHandler(dataSource, host, tenant)
    {
        public new const string KindName = "test.failing-until-open";
        public override string Kind => KindName;

        public override Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken) =>
            gate.Open ? base.HandleAsync(item, cancellationToken) : throw new HttpRequestException("Tray answered 503");
    }
}
