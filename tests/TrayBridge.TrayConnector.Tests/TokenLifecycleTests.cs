using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Token expiry, refresh and re-authorisation, with the connector and Tray on one moved clock.</summary>
public sealed class TokenLifecycleTests : IAsyncDisposable
{
    private ConnectorHarness? _harness;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(ConnectorHarness Harness, string Tenant, string StoreId)> ConnectedStoreAsync(string storeId)
    {
        _harness = await ConnectorHarness.StartAsync();
        await _harness.ConnectAsync("tenant-tokens", storeId);
        return (_harness, "tenant-tokens", storeId);
    }

    private static async Task<long> ProductCountAsync(ConnectorHarness harness, string tenant, string storeId)
    {
        await using var scope = harness.Scope();
        var page = await scope.ServiceProvider.GetRequiredService<TrayApiClient>().GetAsync<JsonElement>(tenant, storeId, "products?limit=1",
            TrayPriority.ManualImport, Cancel);
        return long.Parse(page.GetProperty("paging").GetProperty("total").ToString());
    }

    private static List<string> AuthCalls(ConnectorHarness harness, string storeId) =>
        harness.Simulator.Admin.Requests(storeId, 100).Where(r => r.Path.Split('?')[0].EndsWith("/auth", StringComparison.Ordinal))
            .Select(r => $"{r.Method} {r.Status}").ToList();

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_before_the_call_so_Tray_never_answers_401()
    {
        var (harness, tenant, storeId) = await ConnectedStoreAsync("500001");

        harness.Clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromMinutes(2));
        Assert.Equal(2, await ProductCountAsync(harness, tenant, storeId));

        Assert.Equal(["POST 201", "GET 200"], AuthCalls(harness, storeId));
        Assert.DoesNotContain(harness.Simulator.Admin.Requests(storeId, 100), r => r.Status == 401);
    }

    [Fact]
    public async Task A_Tray_answering_ids_as_numbers_registers_the_store_and_refreshes_its_token()
    {
        _harness = await ConnectorHarness.StartAsync();
        _harness.Simulator.Admin.UpdateSettings(s => s with { IdsAsNumbers = true });
        await _harness.ConnectAsync("tenant-tokens", "500006");

        _harness.Clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromMinutes(2));

        Assert.Equal(2, await ProductCountAsync(_harness, "tenant-tokens", "500006"));
        Assert.Equal(["POST 201", "GET 200"], AuthCalls(_harness, "500006"));
    }

    [Fact]
    public async Task Two_replicas_refreshing_at_once_end_with_one_valid_token_pair()
    {
        var (harness, tenant, storeId) = await ConnectedStoreAsync("500002");
        string rejected;
        await using (var scope = harness.Scope())
            rejected = (await scope.ServiceProvider.GetRequiredService<StoreTokenProvider>().GetAsync(tenant, storeId, Cancel)).AccessToken;

        var refreshed = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = harness.Scope();
            return (await scope.ServiceProvider.GetRequiredService<StoreTokenProvider>()
                .RefreshAfterRejectionAsync(tenant, storeId, rejected, Cancel)).AccessToken;
        }));

        Assert.Equal(refreshed[0], refreshed[1]);
        Assert.NotEqual(rejected, refreshed[0]);
        Assert.Equal(["POST 201", "GET 200"], AuthCalls(harness, storeId));
        Assert.Equal(2, await ProductCountAsync(harness, tenant, storeId));
    }

    [Fact]
    public async Task After_the_refresh_token_expires_the_stored_code_is_exchanged_again()
    {
        var (harness, tenant, storeId) = await ConnectedStoreAsync("500003");

        harness.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(2, await ProductCountAsync(harness, tenant, storeId));
        Assert.Equal(["POST 201", "GET 401", "POST 201"], AuthCalls(harness, storeId));
    }

    [Fact]
    public async Task When_neither_refresh_nor_code_works_the_store_needs_reauthorization_with_the_reason()
    {
        var (harness, tenant, storeId) = await ConnectedStoreAsync("500004");
        harness.Simulator.Admin.UpdateSettings(s => s with { AllowCodeReuse = false });

        harness.Clock.Advance(TimeSpan.FromDays(31));

        var unavailable = await Assert.ThrowsAsync<StoreUnavailableException>(() => ProductCountAsync(harness, tenant, storeId));
        Assert.Contains("autorizar o aplicativo de novo", unavailable.Reason);
        using var client = harness.Client(tenant);
        var store = await client.GetFromJsonAsync<JsonElement>($"api/stores/{storeId}", Cancel);
        Assert.Equal("NeedsReauthorization", store.GetProperty("status").GetString());
        Assert.True(store.GetProperty("reauthorizationSoon").GetBoolean());
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
