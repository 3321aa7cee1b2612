using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace TrayBridge.IntegrationTests;

/// <summary>Tray's webhooks reach the connector through the gateway without a token; whatever arrives, the answer is 200
/// and the notification is kept, as pending work or as ignored with its reason.</summary>
public sealed class WebhookTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static FormUrlEncodedContent Form(string sellerId, string scopeId, string act = "update") => new(new Dictionary<string, string>
    {
        ["seller_id"] = sellerId, ["scope_name"] = "order", ["scope_id"] = scopeId, ["act"] = act, ["app_code"] = "718",
        ["url_notification"] = "https://traybridge.example/webhooks/tray",
    });

    [Fact]
    public async Task A_notification_for_a_registered_store_waits_under_its_tenant_and_duplicates_collapse()
    {
        await RegisterStoreAsync("391250", "tenant-webhooks");
        using var tray = fixture.System.Client(fixture.System.Gateway);

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", Form("391250", "4375797"), TestContext.Current.CancellationToken)).StatusCode);

        var row = Assert.Single(await InboxAsync("391250", "4375797"));
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
    public async Task An_unknown_store_or_a_malformed_body_gets_200_and_is_kept_as_ignored_with_the_reason()
    {
        using var tray = fixture.System.Client(fixture.System.Gateway);
        var cancel = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", Form("999999", "1"), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", new StringContent("{not json", null, "application/json"), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tray.PostAsync("webhooks/tray", Form("999999", "2", act: "explode"), cancel)).StatusCode);

        Assert.Equal(("ignored", (string?)null, 1, "unknown seller_id"), Assert.Single(await InboxAsync("999999", "1")));
        Assert.Equal("malformed body", Assert.Single(await InboxAsync("", "")).Reason);
    }

    private async Task RegisterStoreAsync(string trayStoreId, string tenantId) =>
        await ExecuteAsync("insert into tray_connector.store_registry (tray_store_id, tenant_id, registered_at) values ($1, $2, now())",
            trayStoreId, tenantId);

    private async Task<List<(string Status, string? Tenant, int Count, string? Reason)>> InboxAsync(string sellerId, string scopeId)
    {
        await using var connection = new NpgsqlConnection(fixture.System.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select status, tenant_id, received_count, reason from tray_connector.webhook_inbox where seller_id = $1 and scope_id = $2", connection);
        command.Parameters.Add(new() { Value = sellerId });
        command.Parameters.Add(new() { Value = scopeId });
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
