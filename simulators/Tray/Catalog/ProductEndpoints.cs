using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Tray;
using TrayBridge.TraySimulator.Webhooks;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary><c>/products</c> (tray-api.md §3.1–3.4).</summary>
public static class ProductEndpoints
{
    private static readonly ListSpec<Product> Spec = new()
    {
        Collection = "Products",
        Id = p => p.Id,
        Filters = new()
        {
            ["id"] = ListSpec<Product>.Exact(p => TrayValues.Id(p.Id)),
            ["name"] = ListSpec<Product>.Exact(p => p.Name),
            ["reference"] = ListSpec<Product>.Exact(p => p.Reference),
            ["ean"] = ListSpec<Product>.Exact(p => p.Ean),
            ["category_id"] = ListSpec<Product>.Exact(p => TrayValues.Id(p.CategoryId)),
            ["brand"] = ListSpec<Product>.Exact(p => p.Brand),
            ["available"] = ListSpec<Product>.Exact(p => TrayValues.Flag(p.Available)),
        },
        Days = new() { ["created"] = p => p.Created, ["modified"] = p => p.Modified },
        Sorts = new() { ["name"] = p => p.Name, ["price"] = p => p.Price, ["stock"] = p => p.Stock, ["modified"] = p => p.Modified },
        AvailableFilters = ["id", "name", "reference", "category_id", "ean", "price", "brand", "available", "stock", "created", "modified",
            "model", "weight", "image", "brand_id", "has_variations", "is_kit"],
    };

    public static void MapProducts(this RouteGroupBuilder api)
    {
        api.MapGet("/products", (HttpContext http, TrayRequest tray, SettingsHolder settings, SimulatorClock clock, PictureDownloader pictures) =>
        {
            var store = tray.Store;
            lock (store.Sync)
                return Listing.Page(http, settings.Current, store.Products.Values, Spec,
                    p => new JsonObject { ["Product"] = ProductJson.Of(p, store, TrayTime.Day(clock.GetUtcNow()), url => pictures.IsStored(store.Id, url)) });
        });
        api.MapGet("/products/{id:long}", (long id, HttpContext http, TrayRequest tray, SimulatorClock clock, PictureDownloader pictures) =>
        {
            var store = tray.Store;
            lock (store.Sync)
                return store.Products.TryGetValue(id, out var p)
                    ? Results.Json(new JsonObject { ["Product"] = ProductJson.Of(p, store, TrayTime.Day(clock.GetUtcNow()), url => pictures.IsStored(store.Id, url)) })
                    : TrayError.NotFound(http, "Produto");
        });
        api.MapPost("/products", CreateAsync);
        api.MapPut("/products/{id:long}", UpdateAsync);
        api.MapDelete("/products/{id:long}", (long id, HttpContext http, TrayRequest tray, WebhookDispatcher webhooks) =>
        {
            var store = tray.Store;
            lock (store.Sync)
            {
                if (!store.Products.Remove(id)) return TrayError.NotFound(http, "Produto");
                foreach (var variant in store.Variants.Values.Where(v => v.ProductId == id).ToList()) store.Variants.Remove(variant.Id);
            }
            webhooks.Notify(store, "product", id, "delete");
            return TrayWrite.Deleted(id);
        });
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TrayRequest tray, SimulatorClock clock, PictureDownloader pictures,
        WebhookDispatcher webhooks, SettingsHolder settings)
    {
        var body = TrayBody.Unwrap(await TrayBody.ReadAsync(http.Request), "Product");
        if (body is null) return TrayError.BadRequest(http, "O campo name é obrigatório");
        if (ProductRules.Check(body, creating: true, settings.Current.StrictProductValidation) is { Count: > 0 } causes)
            return ProductRules.Refuse(http, causes);
        var store = tray.Store;
        Product product;
        List<(int Slot, string Url)> downloads;
        lock (store.Sync)
        {
            var now = clock.GetUtcNow();
            product = new Product { Id = store.NextId("product"), Created = now, Modified = now };
            downloads = product.Apply(body);
            store.Products[product.Id] = product;
        }
        foreach (var (slot, url) in downloads) pictures.Enqueue(store.Id, "product", product.Id, slot, url);
        webhooks.Notify(store, "product", product.Id, "insert");
        return TrayWrite.Created(product.Id);
    }

    private static async Task<IResult> UpdateAsync(long id, HttpContext http, TrayRequest tray, SimulatorClock clock,
        PictureDownloader pictures, WebhookDispatcher webhooks, SettingsHolder settings)
    {
        var body = TrayBody.Unwrap(await TrayBody.ReadAsync(http.Request), "Product");
        if (body is null) return TrayError.BadRequest(http, "Informe os dados do produto em Product");
        if (ProductRules.Check(body, creating: false, settings.Current.StrictProductValidation) is { Count: > 0 } causes)
            return ProductRules.Refuse(http, causes);
        var store = tray.Store;
        List<(int Slot, string Url)> downloads;
        lock (store.Sync)
        {
            if (!store.Products.TryGetValue(id, out var product)) return TrayError.NotFound(http, "Produto");
            downloads = product.Apply(body);
            product.Modified = clock.GetUtcNow();
        }
        foreach (var (slot, url) in downloads) pictures.Enqueue(store.Id, "product", id, slot, url);
        webhooks.Notify(store, "product", id, "update");
        return TrayWrite.Saved(id);
    }
}
