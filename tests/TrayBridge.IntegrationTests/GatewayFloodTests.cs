using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Issue 11, "no bounds": one tenant flooding the API through the gateway meets 429 with <c>Retry-After</c> and a
/// Portuguese ProblemDetails, while another tenant's requests go through at the same moment. The gateway runs alone with a
/// small bucket (1 a second, 5 at once); its services are absent, so a request that passes the limit is a 502.</summary>
public sealed class GatewayFloodTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenant_flooding_the_api_gets_429_with_retry_after_and_another_tenant_is_not_slowed()
    {
        var tokens = new DevTokens();
        var settings = new Dictionary<string, string>(tokens.Settings)
        {
            ["Gateway__RateLimit__PermitsPerSecond"] = "1",
            ["Gateway__RateLimit__Burst"] = "5",
        };
        foreach (var cluster in new[] { "catalog", "orders", "invoicing", "tray-connector", "web" })
            settings[$"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address"] = "http://127.0.0.1:9/";
        await using var gateway = new HostProcess("gateway", "gateway", "TrayBridge.Gateway", settings);
        await gateway.StartAsync();
        using var flooder = Client(gateway, tokens, "tenant-flood-a");
        using var neighbour = Client(gateway, tokens, "tenant-flood-b");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var flood = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => flooder.GetAsync("api/catalog/products", Cancel)));
        var seconds = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);
        var calm = await neighbour.GetAsync("api/catalog/products", Cancel);

        var refused = flood.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        // 5 at once, then 1 a second for as long as the flood took on a busy machine.
        Assert.InRange(flood.Length - refused.Count, 5, 5 + seconds);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, calm.StatusCode);
        Assert.True(refused[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After.");
        var problem = await refused[0].Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.Contains("Tente de novo", problem.GetProperty("detail").GetString());
        // Health is never counted: an orchestrator's probes must not be refused because a tenant floods.
        Assert.Equal(HttpStatusCode.OK, (await flooder.GetAsync("health/live", Cancel)).StatusCode);
    }

    private static HttpClient Client(HostProcess gateway, DevTokens tokens, string tenant)
    {
        var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(tenant));
        return client;
    }
}
