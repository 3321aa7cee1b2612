using System.Security.Cryptography;
using TrayBridge.TraySimulator.Auth;
using TrayBridge.TraySimulator.Catalog;
using TrayBridge.TraySimulator.Gateway;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Sales;
using TrayBridge.TraySimulator.Seeding;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Webhooks;

namespace TrayBridge.TraySimulator.Admin;

/// <summary>What a test (in-process, as C#) or <c>/admin</c> (over HTTP) can do to the simulated Tray.</summary>
public sealed class SimulatorAdmin(StoreRegistry stores, AppRegistry apps, SimulatorClock clock, SettingsHolder settings,
    FaultInjector faults, WebhookDispatcher webhooks, RateLimiter limiter, OrderBook orders, PictureDownloader pictures,
    TokenService tokens, OrderAdmin orderAdmin)
{
    /// <summary>Reading, cancelling and editing placed orders.</summary>
    public OrderAdmin Orders => orderAdmin;

    /// <summary>Scripted faults for the next invoice POSTs of a store.</summary>
    public InvoiceFaults InvoiceFaults { get; } = new();

    public App CreateApp(string? consumerKey = null, string? consumerSecret = null) => apps.Create(consumerKey, consumerSecret);

    /// <summary>A new store, with a first authorization code (as installing the app gives) and optional seed data.</summary>
    public CreatedStore CreateStore(Uri baseAddress, string? storeId = null, bool corporate = false, int products = 0, int orders = 0)
    {
        var store = stores.Create(storeId, corporate);
        var code = NewCode(store.Id);
        Seed(store.Id, products, orders);
        return new CreatedStore(store.Id, $"{baseAddress.GetLeftPart(UriPartial.Authority)}/{store.Id}/web_api", code);
    }

    /// <summary>A fresh authorization code, as re-installing the app gives (a 64-hex string, tray-api.md §2.2).</summary>
    public string NewCode(string storeId)
    {
        var store = Get(storeId);
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        lock (store.Sync) store.Codes[code] = false;
        return code;
    }

    public void SetStoreStatus(string storeId, StoreStatus status) => Get(storeId).Status = status;

    public void Seed(string storeId, int products, int orderCount)
    {
        var store = Get(storeId);
        Seeder.Seed(store, products, orderCount, orders, clock.GetUtcNow());
    }

    /// <summary>One order placed now (fires the webhook); <paramref name="status"/> is a status name or id.</summary>
    public long CreateOrder(string storeId, string? status = null, string? marketplace = null) =>
        CreateOrder(storeId, new OrderRecipe { Status = status, Marketplace = marketplace });

    /// <summary>One order placed now with known content (fires the webhook); see <see cref="OrderRecipe"/>.</summary>
    public long CreateOrder(string storeId, OrderRecipe recipe) =>
        Seeder.PlaceOrder(Get(storeId), orders, clock.GetUtcNow(), recipe, notify: true);

    /// <summary>Same, with what a recipe cannot say: an unlisted discount, an existing buyer (see <see cref="OrderExtras"/>).</summary>
    public long CreateOrder(string storeId, OrderRecipe recipe, OrderExtras extras) =>
        extras.Place(Get(storeId), orders, clock.GetUtcNow(), recipe);

    public StoreStats Stats(string storeId)
    {
        var store = Get(storeId);
        var (used, limit) = limiter.Daily(store);
        var counters = store.Log.Counters();
        return new StoreStats(counters.Requests, counters.Status429, counters.Status5xx, counters.ByMethod, counters.ByStatus,
            new DailyBudget(used, limit), store.Status);
    }

    public IReadOnlyList<LoggedRequest> Requests(string storeId, int last) => Get(storeId).Log.Last(last);

    /// <summary>The store's calls after its first <paramref name="count"/> (<see cref="StoreStats.Requests"/> read earlier): exactly
    /// what came since, however busy the store; null when some of them are no longer kept.</summary>
    public IReadOnlyList<LoggedRequest>? RequestsAfter(string storeId, int count) => Get(storeId).Log.After(count);

    public IReadOnlyList<PictureDownload> Pictures(string storeId) => pictures.For(Get(storeId).Id);

    /// <summary>The picture addresses a product holds now, slot 1 first (after Tray-like shifts), as sent to it.</summary>
    public IReadOnlyList<string> ProductPictures(string storeId, long productId)
    {
        var store = Get(storeId);
        lock (store.Sync)
            return store.Products.TryGetValue(productId, out var product)
                ? [.. product.Pictures.Urls]
                : throw new KeyNotFoundException($"No product {productId} in store {storeId}.");
    }

    /// <summary>Every code, access token and refresh token ever issued for a store: what must never show up in the
    /// connector's database, logs, spans or queues.</summary>
    public StoreSecrets Secrets(string storeId)
    {
        var store = Get(storeId);
        string[] codes;
        lock (store.Sync) codes = [.. store.Codes.Keys];
        var grants = tokens.IssuedFor(store.Id).ToList();
        // Without rotation a refresh keeps the refresh token: list each once.
        return new StoreSecrets(codes, [.. grants.Select(g => g.AccessToken)], [.. grants.Select(g => g.RefreshToken).Distinct()]);
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    public void AdvanceClock(TimeSpan by) => clock.Advance(by);

    public SimulatorSettings Settings => settings.Current;

    public void UpdateSettings(Func<SimulatorSettings, SimulatorSettings> change) => settings.Update(change);

    public void SetFaults(Faults value) => faults.Set(value);

    public void ClearFaults() => faults.Clear();

    public void ConfigureWebhooks(string? url, double duplicateShare = 0) => webhooks.Configure(new WebhookTarget(url, duplicateShare));

    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => webhooks.Deliveries;

    private Store Get(string storeId) => stores.Find(storeId) ?? throw new KeyNotFoundException($"No store {storeId}.");
}

public sealed record CreatedStore(string StoreId, string ApiAddress, string Code);

public sealed record StoreSecrets(IReadOnlyList<string> Codes, IReadOnlyList<string> AccessTokens, IReadOnlyList<string> RefreshTokens);

public sealed record DailyBudget(int Used, int Limit);

public sealed record StoreStats(int Requests, int Status429, int Status5xx, Dictionary<string, int> ByMethod,
    Dictionary<string, int> ByStatus, DailyBudget Daily, StoreStatus Status);
