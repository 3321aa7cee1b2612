using System.Net;
using System.Net.Http.Json;
using Npgsql;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Tray's webhooks reach the connector through the gateway without a token; whatever arrives, the answer is 200
/// (but 413 for a body no notification has) and the notification is kept as pending work, or only counted under its
/// reason. Issue 11, "webhook flood": distinct notifications beyond a store's ceiling, and anything from an unknown
/// store, add no rows and no Tray calls.</summary>
[Collection(nameof(SharedSystem))]
public sealed class WebhookTests(SystemFixture fixture)
{
    private static FormUrlEncodedContent Form(string sellerId, string scopeId, string act = "update") => new(new Dictionary<string, string>
    {
        ["seller_id"] = sellerId, ["scope_name"] = "order", ["scope_id"] = scopeId, ["act"] = act, ["app_code"] = "718",
        ["url_notification"] = "https://traybridge.example/webhooks/tray",
    });

    [Fact]
    public async Task A_notification_for_a_registered_store_waits_under_its_tenant_and_duplicates_collapse()
    {
        await RegisterStoreAsync("391350", "tenant-webhooks");
        using var tray = fixture.System.Client(fixture.System.Gateway);

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", Form("391350", "4375797"), TestContext.Current.CancellationToken)).StatusCode);

        var row = Assert.Single(await InboxAsync("391350", "4375797"));
        Assert.Equal(("pending", "tenant-webhooks", 2, (string?)null), row);
    }

    [Fact]
    public async Task A_json_notification_is_read_as_well()
    {
        await RegisterStoreAsync("500100", "tenant-webhooks-json");
        using var tray = fixture.System.Client(fixture.System.Gateway);

        var response = await tray.PostAsJsonAsync("webhooks/tray",
            new { seller_id = 500100, scope_name = "order", scope_id = "77", act = "insert" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("pending", "tenant-webhooks-json", 1, (string?)null), Assert.Single(await InboxAsync("500100", "77")));
    }

    [Fact]
    public async Task An_unknown_store_or_a_malformed_body_gets_200_and_is_only_counted_under_its_reason()
    {
        using var tray = fixture.System.Client(fixture.System.Gateway);
        var cancel = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", Form("999999", "1"), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", Form("999998", "2"), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", new StringContent("{not json", null, "application/json"), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", Form("999999", "2", act: "explode"), cancel)).StatusCode);

        // Nothing of an unknown store's notification is kept but a counter: no row names the sender's values.
        Assert.Empty(await InboxAsync("999999", "1"));
        Assert.Equal(("ignored", (string?)null, 2, "unknown seller_id"), Assert.Single(await InboxAsync("", "", "unknown seller_id")));
        Assert.Equal(1, Assert.Single(await InboxAsync("", "", "malformed body")).Count);
        Assert.Equal(1, Assert.Single(await InboxAsync("", "", "unknown act")).Count);
    }

    [Fact]
    public async Task A_flood_of_distinct_notifications_for_one_store_keeps_at_most_its_ceiling_and_counts_the_rest()
    {
        await RegisterStoreAsync("391399", "tenant-webhooks-flood");
        using var tray = fixture.System.Client(fixture.System.Gateway);
        var cancel = TestContext.Current.CancellationToken;

        // 300 distinct orders in a few seconds (the fixture's ceiling is 20 waiting notifications a store).
        foreach (var chunk in Enumerable.Range(1, 300).Chunk(30))
            await Task.WhenAll(chunk.Select(async i =>
                Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", Form("391399", $"{800000 + i}", act: "insert"), cancel)).StatusCode)));

        var pending = await ScalarAsync("select count(*) from tray_connector.webhook_inbox where seller_id = '391399' and status = 'pending'");
        var kept = await ScalarAsync("select count(*) from tray_connector.webhook_inbox where seller_id = '391399' and scope_name = 'order'");
        var dropped = await ScalarAsync("select coalesce(sum(received_count), 0) from tray_connector.webhook_inbox where seller_id = '391399' and scope_name = 'overflow'");
        Assert.InRange(pending, 1, 20);
        Assert.Equal(300, kept + dropped); // every notification is kept or counted, none lost silently
        // Re-reads run at most 60 a minute a store: in these seconds only a few kept rows can have been processed to make room.
        Assert.True(dropped >= 200, $"Only {dropped} dropped: the ceiling did not hold.");
        // Only what is kept can make Tray calls: one re-read each.
        Assert.True(await ScalarAsync("select count(*) from tray_connector.due_work where tenant_id = 'tenant-webhooks-flood'") <= kept);
    }

    [Fact]
    public async Task A_body_of_a_megabyte_is_refused_with_413_before_it_is_read()
    {
        using var tray = fixture.System.Client(fixture.System.Gateway);
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/tray")
            { Content = new StringContent("seller_id=1&scope_name=order&scope_id=1&act=insert&x=" + new string('a', 1024 * 1024), null, "application/x-www-form-urlencoded") };
        request.Headers.ExpectContinue = true;

        var response = await tray.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.System.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    private async Task RegisterStoreAsync(string trayStoreId, string tenantId) =>
        await ExecuteAsync("insert into tray_connector.store_registry (tray_store_id, tenant_id, registered_at) values ($1, $2, now())",
            trayStoreId, tenantId);

    private async Task<List<(string Status, string? Tenant, int Count, string? Reason)>> InboxAsync(string sellerId, string scopeId, string? reason = null)
    {
        await using var connection = new NpgsqlConnection(fixture.System.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select status, tenant_id, received_count, reason from tray_connector.webhook_inbox where seller_id = $1 and scope_id = $2 and ($3::text is null or reason = $3)", connection);
        command.Parameters.Add(new() { Value = sellerId });
        command.Parameters.Add(new() { Value = scopeId });
        command.Parameters.Add(new() { Value = (object?)reason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var rows = new List<(string, string?, int, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return rows;
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(fixture.System.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync();
    }
}
