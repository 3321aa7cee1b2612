using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Admin;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>Invoices (tray-api.md §5): the store-wide list nests <c>ProductCfop</c>, the per-order answers set it beside.</summary>
public static class InvoiceEndpoints
{
    private static readonly ListSpec<Invoice> Spec = new()
    {
        Collection = "OrderInvoices",
        Id = i => i.Id,
        Filters = new()
        {
            ["id"] = ListSpec<Invoice>.Exact(i => TrayValues.Id(i.Id)),
            ["order_id"] = ListSpec<Invoice>.Exact(i => TrayValues.Id(i.OrderId)),
            ["key"] = ListSpec<Invoice>.Exact(i => i.Key),
        },
        AvailableFilters = ["id", "order_id", "issue_date", "number", "serie", "key"],
    };

    public static void MapInvoices(this RouteGroupBuilder api)
    {
        api.MapGet("/orders/invoices", (HttpContext http, TrayRequest tray, SettingsHolder settings) =>
        {
            lock (tray.Store.Sync)
                return Listing.Page(http, settings.Current, tray.Store.Invoices.Values, Spec,
                    i => new JsonObject { ["OrderInvoice"] = i.ToJson(withCfop: true) });
        });
        api.MapGet("/orders/{orderId:long}/invoices", (long orderId, HttpContext http, TrayRequest tray, SettingsHolder settings) =>
            OfOrder(http, tray.Store, orderId, null, settings.Current));
        api.MapGet("/orders/{orderId:long}/invoices/{id:long}", (long orderId, long id, HttpContext http, TrayRequest tray, SettingsHolder settings) =>
            OfOrder(http, tray.Store, orderId, id, settings.Current));
        api.MapPost("/orders/{orderId:long}/invoices", (long orderId, HttpContext http, TrayRequest tray, SettingsHolder settings, SimulatorClock clock, OrderBook book, SimulatorAdmin admin) =>
            WriteAsync(http, tray.Store, orderId, null, settings.Current, clock, book, admin.InvoiceFaults.Next(tray.Store.Id)));
        api.MapPut("/orders/{orderId:long}/invoices/{id:long}", (long orderId, long id, HttpContext http, TrayRequest tray, SettingsHolder settings, SimulatorClock clock, OrderBook book) =>
            WriteAsync(http, tray.Store, orderId, id, settings.Current, clock, book));
    }

    private static IResult OfOrder(HttpContext http, Store store, long orderId, long? id, SimulatorSettings settings)
    {
        lock (store.Sync)
        {
            if (!store.Orders.ContainsKey(orderId)) return TrayError.NotFound(http, "Pedido");
            var invoices = store.Invoices.Values.Where(i => i.OrderId == orderId && (id is null || i.Id == id)).ToList();
            if (id is not null && invoices.Count == 0) return TrayError.NotFound(http, "Nota fiscal");
            var nested = settings.OrderInvoicesProductCfop == ProductCfopPlacement.Nested;
            return Results.Json(new JsonObject
            {
                ["OrderInvoices"] = TrayValues.Array(invoices.Select(i => (JsonNode)(nested
                    ? new JsonObject { ["OrderInvoice"] = i.ToJson(withCfop: true) }
                    : new JsonObject { ["OrderInvoice"] = i.ToJson(withCfop: false), ["ProductCfop"] = i.CfopJson() }))),
            });
        }
    }

    private static async Task<IResult> WriteAsync(HttpContext http, Store store, long orderId, long? id, SimulatorSettings settings,
        SimulatorClock clock, OrderBook book, InvoicePostFault? fault = null)
    {
        if (fault == InvoicePostFault.Error500) return TrayError.Result(http, 500, "Internal Server Error", "Erro interno");
        var raw = await TrayBody.ReadAsync(http.Request);
        var wrapped = TrayBody.Unwrap(raw, "OrderInvoice");
        var body = settings.InvoiceBody switch
        {
            InvoiceBodyForm.WrappedOnly => wrapped,
            InvoiceBodyForm.FlatOnly => wrapped is null ? raw : null,
            _ => wrapped ?? raw,
        };
        if (body?.Text("number") is null && id is null)
            return TrayError.BadRequest(http, settings.InvoiceBody == InvoiceBodyForm.WrappedOnly
                ? "Informe os dados da nota em OrderInvoice" : "Informe issue_date, number, serie, value e key");
        lock (store.Sync)
        {
            if (!store.Orders.TryGetValue(orderId, out var order)) return TrayError.NotFound(http, "Pedido");
            var now = clock.GetUtcNow();
            var invoice = id is { } known
                ? store.Invoices.GetValueOrDefault(known) is { } found && found.OrderId == orderId ? found : null
                : new Invoice { Id = store.NextId("invoice", 300), OrderId = orderId, Created = now };
            if (invoice is null) return TrayError.NotFound(http, "Nota fiscal");
            if (body is null) return TrayError.BadRequest(http, "Informe os dados da nota em OrderInvoice");
            if (settings.RequireNfeProcXml && body.Text("xml_danfe") is { Length: > 0 } xml
                && InvoiceXml.Refusal(xml, body.Text("key") ?? invoice.Key) is { } refusal)
                return TrayError.BadRequest(http, refusal);
            invoice.Apply(body);
            invoice.Updated = now;
            store.Invoices[invoice.Id] = invoice;
            order.Modified = now;
            book.NotifyUpdate(store, orderId);
            if (fault == InvoicePostFault.FailAfterCommit) return TrayError.Result(http, 500, "Internal Server Error", "Erro interno");
            return id is null ? TrayWrite.Created(invoice.Id) : TrayWrite.Saved(invoice.Id);
        }
    }
}
