using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;
using TrayBridge.TraySimulator.Webhooks;

namespace TrayBridge.TraySimulator.Catalog;

/// <summary><c>/products/variants</c> (tray-api.md §3.6–3.7).</summary>
public static class VariantEndpoints
{
    private static readonly ListSpec<Variant> Spec = new()
    {
        Collection = "Variants",
        Id = v => v.Id,
        Filters = new()
        {
            ["id"] = ListSpec<Variant>.Exact(v => TrayValues.Id(v.Id)),
            ["product_id"] = ListSpec<Variant>.Exact(v => TrayValues.Id(v.ProductId)),
            ["ean"] = ListSpec<Variant>.Exact(v => v.Ean),
            ["reference"] = ListSpec<Variant>.Exact(v => v.Reference),
            ["price"] = Number(v => v.Price),
            ["promotional_price"] = Number(v => v.PromotionalPrice),
            ["stock"] = Number(v => v.Stock),
            ["minimum_stock"] = Number(v => v.MinimumStock),
            ["type_1"] = ListSpec<Variant>.Exact(v => Axis(v, 0)?.Type),
            ["value_1"] = ListSpec<Variant>.Exact(v => Axis(v, 0)?.Value),
            ["type_2"] = ListSpec<Variant>.Exact(v => Axis(v, 1)?.Type),
            ["value_2"] = ListSpec<Variant>.Exact(v => Axis(v, 1)?.Value),
        },
        Days = new() { ["modified"] = v => v.Modified },
        Sorts = new() { ["price"] = v => v.Price, ["stock"] = v => v.Stock, ["modified"] = v => v.Modified },
        AvailableFilters = ["id", "product_id", "ean", "price", "promotional_price", "stock", "minimum_stock", "modified",
            "value_1", "value_2", "type_1", "type_2", "reference"],
    };

    /// <summary>Numbers compare by value: <c>price=50</c> finds a variant Tray shows as <c>"50.00"</c>.</summary>
    private static Func<Variant, string, bool> Number(Func<Variant, decimal> field) =>
        (v, wanted) => decimal.TryParse(wanted, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture,
            out var value) && value == field(v);

    private static (string Type, string Value)? Axis(Variant v, int index) => index < v.Sku.Count ? v.Sku[index] : null;

    public static void MapVariants(this RouteGroupBuilder api)
    {
        api.MapGet("/products/variants", (HttpContext http, TrayRequest tray, SettingsHolder settings, PictureDownloader pictures) =>
        {
            var store = tray.Store;
            lock (store.Sync)
                return Listing.Page(http, settings.Current, store.Variants.Values, Spec,
                    v => new JsonObject { ["Variant"] = VariantJson.Of(v, store.Id, url => pictures.IsStored(store.Id, url)) });
        });
        api.MapGet("/products/variants/{id:long}", (long id, HttpContext http, TrayRequest tray, PictureDownloader pictures) =>
        {
            var store = tray.Store;
            lock (store.Sync)
                return store.Variants.TryGetValue(id, out var v)
                    ? Results.Json(new JsonObject { ["Variant"] = VariantJson.Of(v, store.Id, url => pictures.IsStored(store.Id, url)) })
                    : TrayError.NotFound(http, "Variação");
        });
        api.MapPost("/products/variants", (HttpContext http, TrayRequest tray, SimulatorClock clock, PictureDownloader pictures, WebhookDispatcher webhooks,
            SettingsHolder settings) => WriteAsync(http, tray.Store, null, clock, pictures, webhooks, settings));
        api.MapPut("/products/variants/{id:long}", (long id, HttpContext http, TrayRequest tray, SimulatorClock clock, PictureDownloader pictures,
            WebhookDispatcher webhooks, SettingsHolder settings) => WriteAsync(http, tray.Store, id, clock, pictures, webhooks, settings));
        api.MapDelete("/products/variants/{id:long}", (long id, HttpContext http, TrayRequest tray, WebhookDispatcher webhooks) =>
        {
            var store = tray.Store;
            lock (store.Sync)
            {
                if (!store.Variants.Remove(id, out var variant)) return TrayError.NotFound(http, "Variação");
                Stock.Recount(store, variant.ProductId);
            }
            webhooks.Notify(store, "variant", id, "delete");
            return TrayWrite.Deleted(id);
        });
    }

    private static async Task<IResult> WriteAsync(HttpContext http, Store store, long? id, SimulatorClock clock, PictureDownloader pictures,
        WebhookDispatcher webhooks, SettingsHolder settings)
    {
        var body = TrayBody.Unwrap(await TrayBody.ReadAsync(http.Request), "Variant");
        if (body is null) return TrayError.BadRequest(http, "Informe os dados da variação em Variant");
        // A variant carries the product's kind of fields (ean, prices, stock, weight…): the same limits, only those sent.
        if (ProductRules.Check(body, creating: false, settings.Current.StrictProductValidation) is { Count: > 0 } causes)
            return ProductRules.Refuse(http, causes);
        Variant variant;
        List<(int Slot, string Url)> downloads;
        lock (store.Sync)
        {
            if (id is { } existing && !store.Variants.ContainsKey(existing)) return TrayError.NotFound(http, "Variação");
            variant = id is { } known ? store.Variants[known] : new Variant { Id = store.NextId("variant", 200) };
            var productBefore = variant.ProductId;
            downloads = variant.Apply(body);
            if (!store.Products.ContainsKey(variant.ProductId))
                return TrayError.BadRequest(http, "Produto informado em product_id não existe");
            variant.Modified = clock.GetUtcNow();
            store.Variants[variant.Id] = variant;
            Stock.Recount(store, variant.ProductId);
            if (productBefore != 0 && productBefore != variant.ProductId) Stock.Recount(store, productBefore);
        }
        foreach (var (slot, url) in downloads) pictures.Enqueue(store.Id, "variant", variant.Id, slot, url);
        webhooks.Notify(store, "variant", variant.Id, id is null ? "insert" : "update");
        return id is null ? TrayWrite.Created(variant.Id) : TrayWrite.Saved(variant.Id);
    }
}
