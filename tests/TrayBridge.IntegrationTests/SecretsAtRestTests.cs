using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Issue 3: after registrations, refreshes, re-authorisations and failures, no Tray code, token or consumer
/// secret can be found where data rests — the database, the hosts' logs, the spans, the <c>_error</c> queues.</summary>
public sealed class SecretsAtRestTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private TrayBridgeSystem Bridge => fixture.System;

    [Fact]
    public async Task No_code_token_or_consumer_secret_is_found_in_the_database_logs_spans_or_error_queues()
    {
        using var simulator = Bridge.Client(Bridge.TraySimulator);
        using var tenantA = Bridge.Client(Bridge.Gateway, "tenant-secrets-a");
        using var tenantB = Bridge.Client(Bridge.Gateway, "tenant-secrets-b");
        Assert.Equal(HttpStatusCode.Created, (await tenantA.PostAsJsonAsync("api/stores", await NewTrayStoreAsync(simulator, "391270"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await tenantB.PostAsJsonAsync("api/stores", await NewTrayStoreAsync(simulator, "391271"), Cancel)).StatusCode);

        // Tray's clock passes the 3 h access token: the check refreshes it.
        await simulator.PostAsJsonAsync("admin/clock/advance", new { by = "03:10:00" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, (await tenantA.PostAsync("api/stores/391270/check", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tenantB.PutAsJsonAsync("api/stores/391271", new { code = await NewCodeAsync(simulator, "391271") }, Cancel)).StatusCode);

        // Failures are where a secret is most tempting to log: a real code that is not this store's, a blocked store,
        // a refresh token past its 30 days (the connector then sends the stored code again; either outcome will do).
        var wrongCode = await NewTrayStoreAsync(simulator, "391272") with { Code = await NewCodeAsync(simulator, "391270") };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await tenantA.PostAsJsonAsync("api/stores", wrongCode, Cancel)).StatusCode);
        await simulator.PutAsJsonAsync("admin/stores/391271/status", new { status = "blocked" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, (await tenantB.PostAsync("api/stores/391271/check", null, Cancel)).StatusCode);
        await simulator.PostAsJsonAsync("admin/clock/advance", new { by = "31.00:00:00" }, Cancel);
        await tenantA.PostAsync("api/stores/391270/check", null, Cancel);

        var secrets = await IssuedSecretsAsync(simulator, "391270", "391271", "391272");
        // Console loggers write, and hosts export spans, a moment after the response.
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        var places = new Dictionary<string, string> { ["pg_dump"] = await PgDumpAsync() };
        Assert.Contains("391270", places["pg_dump"]); // the dump holds the stores: an empty one would prove nothing
        foreach (var path in Bridge.Hosts.SelectMany(h => new[] { Bridge.LogFile(h.Name), Bridge.SpanFile(h.Name) }).Where(File.Exists))
            places[Path.GetFileName(path)] = await File.ReadAllTextAsync(path, Cancel);
        foreach (var (queue, messages) in await ErrorQueuesAsync()) places[$"queue {queue}"] = messages;

        var found = (from place in places
                     from secret in secrets
                     from form in Forms(secret.Value).DistinctBy(f => f.Needle)
                     where place.Value.Contains(form.Needle, StringComparison.Ordinal)
                     select $"{secret.Name} ({form.Name}) in {place.Key}").Distinct().ToList();
        // Names where, never the secret itself: a failing run's output must not become a leak of its own.
        Assert.True(found.Count == 0, $"Secrets at rest:\n{string.Join('\n', found)}");
    }

    private sealed record Registration(string Platform, string StoreId, string ApiAddress, string Code);

    private static async Task<Registration> NewTrayStoreAsync(HttpClient simulator, string storeId)
    {
        var response = await simulator.PostAsJsonAsync("admin/stores", new { storeId, products = 1 }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tray = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return new("TrayCommerce", storeId, tray.GetProperty("apiAddress").GetString()!, tray.GetProperty("code").GetString()!);
    }

    private static async Task<string> NewCodeAsync(HttpClient simulator, string storeId) =>
        (await (await simulator.PostAsync($"admin/stores/{storeId}/codes", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel))
        .GetProperty("code").GetString()!;

    /// <summary>Every code and token Tray ever issued for the stores, and our app's consumer secret, each with a name to report.</summary>
    private static async Task<List<(string Name, string Value)>> IssuedSecretsAsync(HttpClient simulator, params string[] storeIds)
    {
        var secrets = new List<(string, string)> { ("the consumer secret", TrayBridgeSystem.TrayApp.ConsumerSecret) };
        foreach (var storeId in storeIds)
        {
            var issued = await simulator.GetFromJsonAsync<JsonElement>($"admin/stores/{storeId}/secrets", Cancel);
            foreach (var kind in new[] { "codes", "accessTokens", "refreshTokens" })
                secrets.AddRange(issued.GetProperty(kind).EnumerateArray().Select((s, i) => ($"store {storeId} {kind}[{i}]", s.GetString()!)));
        }
        return secrets;
    }

    /// <summary>The ways a secret can sit in text. Inside a larger encoded blob (a message body) base64 depends on the
    /// secret's byte offset, so each of the three offsets contributes the quads that only the secret's bytes determine.</summary>
    private static IEnumerable<(string Name, string Needle)> Forms(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        yield return ("in clear", secret);
        yield return ("URL-encoded", Uri.EscapeDataString(secret));
        yield return ("hex", Convert.ToHexStringLower(bytes)); // how pg_dump shows bytea
        for (var offset = 0; offset < 3; offset++)
        {
            var encoded = Convert.ToBase64String([.. new byte[offset], .. bytes]);
            var quads = encoded[(offset == 0 ? 0 : 4)..((offset + bytes.Length) / 3 * 4)];
            yield return ("base64", quads);
            yield return ("base64url", quads.Replace('+', '-').Replace('/', '_'));
        }
    }

    /// <summary>A plain-text dump, schema and data, of the fixture's database.</summary>
    private async Task<string> PgDumpAsync()
    {
        var db = new NpgsqlConnectionStringBuilder(Bridge.Infrastructure.PostgresConnectionString);
        var start = new ProcessStartInfo("pg_dump", ["--host", db.Host!, "--port", db.Port.ToString(CultureInfo.InvariantCulture),
            "--username", db.Username!, "--dbname", db.Database!, "--no-password"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGPASSWORD"] = db.Password; // not on the command line, where any process could read it
        using var pgDump = Process.Start(start)!;
        var (dump, errors) = (pgDump.StandardOutput.ReadToEndAsync(Cancel), pgDump.StandardError.ReadToEndAsync(Cancel));
        await pgDump.WaitForExitAsync(Cancel);
        Assert.True(pgDump.ExitCode == 0, $"pg_dump failed: {await errors}");
        return await dump;
    }

    /// <summary>Every message of every <c>_error</c> queue of the fixture's vhost, headers and body, as text.</summary>
    private async Task<Dictionary<string, string>> ErrorQueuesAsync()
    {
        using var management = Bridge.Infrastructure.Management();
        var vhost = Uri.EscapeDataString(Bridge.Infrastructure.VirtualHost);
        var queues = await management.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}", Cancel);
        var result = new Dictionary<string, string>();
        foreach (var queue in queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).Where(n => n.EndsWith("_error", StringComparison.Ordinal)))
        {
            // ack_requeue_true reads the messages and puts them back.
            var messages = await management.PostAsJsonAsync($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}/get",
                new { count = 10_000, ackmode = "ack_requeue_true", encoding = "auto" }, Cancel);
            messages.EnsureSuccessStatusCode();
            result[queue] = string.Join('\n', Strings(await messages.Content.ReadFromJsonAsync<JsonElement>(Cancel)));
        }
        return result;
    }

    // The strings themselves, unescaped: a JSON writer may escape '+' or '/' of a base64 secret.
    private static IEnumerable<string> Strings(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => [json.GetString()!],
        JsonValueKind.Array => json.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => json.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
