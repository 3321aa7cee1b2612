using Marten;
using Marten.Services;
using Npgsql;
using TrayBridge.Catalog.Domain;
using TrayBridge.TestSupport;
using static TrayBridge.Catalog.Tests.EnsureProductsData;

namespace TrayBridge.Catalog.Tests;

/// <summary>However often or however concurrently a line is asked for, its SKU becomes one product.</summary>
[Collection(nameof(CatalogHarness))]
public sealed class EnsureProductsConcurrencyTests(CatalogHarness harness)
{
    [Fact]
    public async Task a_redelivered_request_is_answered_again_with_the_same_products_and_creates_none()
    {
        var tenant = NewTenant();
        var request = Request(tenant, Line("901", "RED-1"), Line("902", "RED-2"));
        var messageId = Guid.NewGuid();

        var first = await harness.EnsureAsync(request, messageId);
        var redelivered = await harness.EnsureAsync(request, messageId);

        Assert.Equal(first.Items.Select(i => i.ProductId), redelivered.Items.Select(i => i.ProductId));
        Assert.All(redelivered.Items, i => Assert.False(i.Created));
        Assert.Single(await harness.WithSkuAsync(tenant, "RED-1"));
        Assert.Single(await harness.WithSkuAsync(tenant, "RED-2"));
    }

    [Fact]
    public async Task concurrent_requests_for_the_same_skus_get_one_product_per_sku()
    {
        var tenant = NewTenant();
        string[] skus = ["CON-1", "CON-2", "CON-3"];
        var requests = Enumerable.Range(0, 4).Select(n => Request(tenant, skus.Select(s => Line(s, s)).ToArray()));

        var responses = await Task.WhenAll(requests.Select(r => harness.EnsureAsync(r)));

        foreach (var sku in skus) Assert.Single(await harness.WithSkuAsync(tenant, sku));
        Assert.All(responses, r => Assert.Equal(responses[0].Items.Select(i => i.ProductId), r.Items.Select(i => i.ProductId)));
        Assert.Equal(skus.Length, responses.Sum(r => r.Items.Count(i => i.Created)));
    }

    /// <summary>Deterministic race: another transaction inserts the SKU but has not committed, so the request's lookup misses
    /// it and its insert waits on the unique index; once the other commits, the request must take that product.</summary>
    [Fact]
    public async Task a_request_that_loses_the_race_on_a_sku_takes_the_winners_product()
    {
        var tenant = NewTenant();
        var winner = new Product { Id = Guid.CreateVersion7(), Sku = "RACE-1", Name = "Winner", UpdatedAt = DateTimeOffset.UtcNow };
        await using var connection = new NpgsqlConnection(harness.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var options = SessionOptions.ForTransaction(transaction);
        options.TenantId = tenant;
        await using (var session = harness.Store.LightweightSession(options))
        {
            session.Insert(winner);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var pending = harness.EnsureAsync(Request(tenant, Line("1001", "RACE-1")));
        await Eventually.ReturnsAsync(() => InsertsWaitingOnALockAsync(), n => n > 0, TimeSpan.FromSeconds(30), "the request's insert blocked");
        await transaction.CommitAsync(TestContext.Current.CancellationToken);

        var ensured = Assert.Single((await pending).Items);
        Assert.Equal((winner.Id, false), (ensured.ProductId, ensured.Created));
        Assert.Single(await harness.WithSkuAsync(tenant, "RACE-1"));
        Assert.Contains(harness.Logs.Lines, line => line.Contains("SKU RACE-1 was created by a concurrent request"));
    }

    private async Task<long> InsertsWaitingOnALockAsync()
    {
        await using var connection = new NpgsqlConnection(harness.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
