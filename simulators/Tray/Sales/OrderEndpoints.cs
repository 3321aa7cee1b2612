using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary><c>/orders</c> (tray-api.md §4.1–4.8).</summary>
public static class OrderEndpoints
{
    private static readonly ListSpec<Order> Spec = new()
    {
        Collection = "Orders",
        Id = o => o.Id,
        Filters = new()
        {
            ["id"] = ListSpec<Order>.Exact(o => TrayValues.Id(o.Id)),
            ["customer_id"] = ListSpec<Order>.Exact(o => TrayValues.Id(o.CustomerId)),
            ["point_sale"] = ListSpec<Order>.Exact(o => o.PointSale),
            ["session_id"] = ListSpec<Order>.Exact(o => o.SessionId),
            ["external_code"] = ListSpec<Order>.Exact(o => o.ExternalCode),
            ["partner_id"] = ListSpec<Order>.Exact(o => TrayValues.Id(o.PartnerId)),
            ["has_payment"] = ListSpec<Order>.Exact(o => TrayValues.Flag(o.PaymentDate is not null)),
        },
        Days = new() { ["modified"] = o => o.Modified, ["date"] = o => o.Created },
        Sorts = new() { ["modified"] = o => o.Modified, ["date"] = o => o.Created, ["total"] = o => o.Total },
        AvailableFilters = ["id", "status", "partner_id", "session_id", "sending_code", "customer_id", "shipment", "point_sale",
            "payment_form", "access_code", "external_code", "has_payment", "has_invoice", "has_shipment", "with_statuses", "printed",
            "payment_method_id", "store_note", "discount_coupon", "modified", "date", "shipment_date", "payment_date"],
    };

    public static void MapOrders(this RouteGroupBuilder api)
    {
        api.MapGet("/orders", (HttpContext http, TrayRequest tray, SettingsHolder settings) =>
        {
            var store = tray.Store;
            lock (store.Sync)
            {
                // status and has_invoice look beyond the order itself, so they are applied here.
                IEnumerable<Order> orders = store.Orders.Values;
                if (http.Request.Query["status"].FirstOrDefault() is { Length: > 0 } status)
                    orders = orders.Where(o => string.Equals(store.Statuses.GetValueOrDefault(o.StatusId)?.Status, status, StringComparison.OrdinalIgnoreCase));
                if (http.Request.Query["has_invoice"].FirstOrDefault() is { Length: > 0 } hasInvoice)
                    orders = orders.Where(o => TrayValues.Flag(store.Invoices.Values.Any(i => i.OrderId == o.Id)) == hasInvoice);
                return Listing.Page(http, settings.Current, orders, Spec, o => new JsonObject { ["Order"] = OrderJson.ListItem(o, store) });
            }
        });
        api.MapGet("/orders/{id:long}", (long id, HttpContext http, TrayRequest tray, SettingsHolder settings) =>
            Read(http, tray.Store, id, o => new JsonObject { ["Order"] = OrderJson.Detail(o, tray.Store).WithoutListOnly(settings.Current) }));
        api.MapGet("/orders/{id:long}/complete", (long id, HttpContext http, TrayRequest tray, SettingsHolder settings) =>
            Read(http, tray.Store, id, o => OrderJson.Complete(o, tray.Store).WithoutListOnly(settings.Current)));
        api.MapPost("/orders", CreateAsync);
        api.MapPut("/orders/{id:long}", UpdateAsync);
        api.MapPut("/orders/cancel/{id:long}", (long id, HttpContext http, TrayRequest tray, OrderBook book) =>
        {
            var store = tray.Store;
            lock (store.Sync)
            {
                if (!store.Orders.TryGetValue(id, out var order)) return TrayError.NotFound(http, "Pedido");
                book.ChangeStatus(store, order, store.Statuses.Values.First(s => s.Cancels));
            }
            book.NotifyUpdate(store, id);
            return TrayWrite.Saved(id);
        });
    }

    private static IResult Read(HttpContext http, Store store, long id, Func<Order, JsonObject> shape)
    {
        lock (store.Sync)
            return store.Orders.TryGetValue(id, out var order) ? Results.Json(shape(order)) : TrayError.NotFound(http, "Pedido");
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TrayRequest tray, SimulatorClock clock, OrderBook book)
    {
        var body = TrayBody.Unwrap(await TrayBody.ReadAsync(http.Request), "Order");
        if (body is null) return TrayError.BadRequest(http, "Informe os dados do pedido em Order");
        var store = tray.Store;
        Order? order;
        string? refusal;
        lock (store.Sync) (order, refusal) = OrderIntake.Build(store, body, clock.GetUtcNow());
        if (order is null) return TrayError.BadRequest(http, refusal!);
        return TrayWrite.Created(book.Place(store, order, notify: true));
    }

    private static async Task<IResult> UpdateAsync(long id, HttpContext http, TrayRequest tray, SimulatorClock clock, OrderBook book)
    {
        var body = TrayBody.Unwrap(await TrayBody.ReadAsync(http.Request), "Order");
        if (body is null) return TrayError.BadRequest(http, "Informe os dados do pedido em Order");
        var store = tray.Store;
        lock (store.Sync)
        {
            if (!store.Orders.TryGetValue(id, out var order)) return TrayError.NotFound(http, "Pedido");
            OrderStatus? status = null;
            if (body.Long("status_id") is { } statusId && !store.Statuses.TryGetValue(statusId, out status))
                return TrayError.BadRequest(http, "status_id inexistente");
            order.ApplyUpdate(body, clock.GetUtcNow());
            if (status is not null) book.ChangeStatus(store, order, status);
        }
        book.NotifyUpdate(store, id);
        return TrayWrite.Saved(id);
    }
}
