using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrayBridge.ServiceDefaults.Messaging;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Retention;
using TrayBridge.TestSupport;

namespace TrayBridge.ServiceDefaults.Tests;

/// <summary>The platform's retention rules against a real PostgreSQL with the schema every service has (Marten configured as
/// the services configure it): what is old and finished goes, in bounded batches; what is still needed stays however old.</summary>
public sealed class RetentionTests : IAsyncDisposable
{
    private static readonly ServiceStore Store = new("retention_tests", DaemonLockId: 49_003);
    private IsolatedInfrastructure? _database;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task Old_finished_rows_go_in_bounded_batches_and_pending_work_unpublished_events_and_young_marks_stay()
    {
        _database = await IsolatedInfrastructure.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = _database.PostgresConnectionString,
            ["Retention:BatchSize"] = "2",
            ["Retention:MaxBatchesPerRun"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        // The relay subscription needs a bus to be built; never started here (no daemon runs: the test stands for the relay).
        services.AddMassTransit(bus => bus.UsingInMemory());
        services.AddServiceMarten(configuration, Store);
        services.AddRetention(configuration, Store);
        await using var provider = services.BuildServiceProvider();
        var documents = provider.GetRequiredService<IDocumentStore>();
        await documents.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var now = DateTimeOffset.UtcNow;
        await using (var session = documents.LightweightSession("tenant-a"))
        {
            foreach (var id in new[] { "old-1", "old-2", "old-3", "young" })
                session.Insert(new ProcessedMessage(id, "Test", now));
            for (var i = 0; i < 4; i++) session.Events.Append(Guid.NewGuid(), new SomethingHappened(i));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await ExecuteAsync($"""
            update {Store.Schema}.mt_doc_processedmessage set mt_last_modified = now() - interval '20 days' where id like 'old-%';
            update {Store.Schema}.mt_doc_processedmessage set mt_last_modified = now() - interval '1 day' where id = 'young';
            insert into {Store.Schema}.due_work (id, tenant_id, kind, payload, status, next_attempt_at, created_at, finished_at)
            select gen_random_uuid(), 'tenant-a', 'test', jsonb_build_object('label', label), status, now() - age, now() - age, finished
            from (values ('done-old-1', 'done', interval '10 days', now() - interval '10 days'),
                         ('done-old-2', 'done', interval '10 days', now() - interval '10 days'),
                         ('done-old-3', 'done', interval '10 days', now() - interval '10 days'),
                         ('done-young', 'done', interval '1 day', now() - interval '1 day'),
                         ('failed-10-days', 'failed', interval '10 days', now() - interval '10 days'),
                         ('failed-40-days', 'failed', interval '40 days', now() - interval '40 days'),
                         ('pending-ancient', 'pending', interval '400 days', null)) as v(label, status, age, finished);
            -- Events 1 to 3 are old, event 4 is young; the relay has published 1 and 2 only: 3 is old but not yet published.
            update {Store.Schema}.mt_events set timestamp = now() - interval '30 days' where seq_id <= 3;
            insert into {Store.Schema}.mt_event_progression (name, last_seq_id) values ('relay:All', 2);
            """);

        var runner = new RetentionRunner(provider.GetServices<RetentionRule>(), provider.GetRequiredService<RetentionSettings>(),
            provider.GetRequiredService<NpgsqlDataSource>(), Store, TimeProvider.System, NullLogger<RetentionRunner>.Instance);
        await runner.SweepAsync(TestContext.Current.CancellationToken);
        // One batch of two per rule per sweep: a backlog never goes in one long statement.
        Assert.Equal(2, await CountAsync($"select count(*) from {Store.Schema}.mt_doc_processedmessage"));
        Assert.Equal(1, await CountAsync($"select count(*) from {Store.Schema}.due_work where payload->>'label' like 'done-old-%'"));

        // Two replicas sweeping at once: one takes the lock, the other skips; nothing fails.
        var replica = new RetentionRunner(provider.GetServices<RetentionRule>(), provider.GetRequiredService<RetentionSettings>(),
            provider.GetRequiredService<NpgsqlDataSource>(), Store, TimeProvider.System, NullLogger<RetentionRunner>.Instance);
        await Task.WhenAll(runner.SweepAsync(TestContext.Current.CancellationToken), replica.SweepAsync(TestContext.Current.CancellationToken));
        await runner.SweepAsync(TestContext.Current.CancellationToken);
        await runner.SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["young"], await TextsAsync($"select id from {Store.Schema}.mt_doc_processedmessage"));
        Assert.Equal(["done-young", "failed-10-days", "pending-ancient"],
            await TextsAsync($"select payload->>'label' from {Store.Schema}.due_work order by 1"));
        // Published and old: gone. Old but not yet published (3), and young (4): kept.
        Assert.Equal(["3", "4"], await TextsAsync($"select seq_id::text from {Store.Schema}.mt_events order by seq_id"));
    }

    private sealed record SomethingHappened(int Number);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> TextsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        return texts;
    }
}
