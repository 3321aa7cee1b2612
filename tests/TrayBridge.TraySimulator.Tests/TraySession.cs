using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TrayBridge.TraySimulator.Admin;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Tests;

/// <summary>A simulator on a loopback port with a fake clock, one app and one store, and a client that speaks to it as Tray's callers do.</summary>
public sealed class TraySession : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 58, 21, TimeSpan.Zero);

    private TraySession(TraySimulatorHost host, FakeTimeProvider clock, Stores.App app, CreatedStore store)
    {
        (Host, Clock, App, Store) = (host, clock, app, store);
        Http = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public TraySimulatorHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public Stores.App App { get; }
    public CreatedStore Store { get; }
    public HttpClient Http { get; }
    public string? AccessToken { get; private set; }

    public static async Task<TraySession> StartAsync(Action<SimulatorSettings>? configure = null, int products = 0, int orders = 0)
    {
        var clock = new FakeTimeProvider(Start);
        var host = await TraySimulatorHost.StartAsync(clock, configure: configure);
        return new TraySession(host, clock, host.CreateApp(), host.CreateStore(products: products, orders: orders));
    }

    public string Api(string resource) => $"{Store.ApiAddress}/{resource}";

    public Task<HttpResponseMessage> ExchangeAsync(string? code = null, string? storeApi = null) =>
        Http.PostAsync($"{storeApi ?? Store.ApiAddress}/auth", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["consumer_key"] = App.ConsumerKey, ["consumer_secret"] = App.ConsumerSecret, ["code"] = code ?? Store.Code,
        }), Test.Ct);

    /// <summary>Exchanges the store's code and keeps the access token for later calls.</summary>
    public async Task<JsonObject> AuthorizeAsync()
    {
        var response = await ExchangeAsync();
        response.EnsureSuccessStatusCode();
        var tokens = (await response.Content.ReadFromJsonAsync<JsonObject>(Test.Ct))!;
        AccessToken = (string)tokens["access_token"]!;
        return tokens;
    }

    public string Url(string resource, string query = "") =>
        $"{Api(resource)}?access_token={Uri.EscapeDataString(AccessToken ?? "")}{(query.Length > 0 ? "&" + query : "")}";

    public Task<HttpResponseMessage> GetAsync(string resource, string query = "") => Http.GetAsync(Url(resource, query), Test.Ct);

    public async Task<JsonObject> GetJsonAsync(string resource, string query = "")
    {
        var response = await GetAsync(resource, query);
        Assert.Equal(200, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Test.Ct))!;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string resource, JsonObject body) => Http.PostAsJsonAsync(Url(resource), body, Test.Ct);

    public Task<HttpResponseMessage> PutJsonAsync(string resource, JsonObject body) => Http.PutAsJsonAsync(Url(resource), body, Test.Ct);

    /// <summary>Creates through the API and returns the new id from the write envelope.</summary>
    public async Task<string> CreateAsync(string resource, JsonObject body)
    {
        var response = await PostJsonAsync(resource, body);
        var envelope = (await response.Content.ReadFromJsonAsync<JsonObject>(Test.Ct))!;
        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal("Created", (string)envelope["message"]!);
        return (string)envelope["id"]!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
