using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>
/// <c>POST /orders/includeProduct/{order_id}</c> with <c>{"ProductsSold": {product_id, variant_id, price, original_price,
/// quantity}}</c> and <c>PUT /orders/excludeProduct/{order_id}/{product_id}</c> (tray-api.md §4.1). Both answer
/// <c>{"message": "Success", "id": order id, "code": 201|200}</c> as DEV21 shows, and notify <c>order/update</c>.
/// </summary>
public static class OrderItemEndpoints
{
    public static void MapOrderItems(this RouteGroupBuilder api)
    {
        api.MapPost("/orders/includeProduct/{id:long}", async (long id, HttpContext http, TrayRequest tray, SimulatorClock clock, OrderBook book) =>
        {
            var line = TrayBody.Unwrap(await TrayBody.ReadAsync(http.Request), "ProductsSold");
            if (line is null) return TrayError.BadRequest(http, "Informe o produto em ProductsSold");
            var store = tray.Store;
            lock (store.Sync)
            {
                if (!store.Orders.TryGetValue(id, out var order)) return TrayError.NotFound(http, "Pedido");
                if (!OrderItems.Editable(store, order)) return TrayError.BadRequest(http, "O status do pedido não permite alteração");
                var now = clock.GetUtcNow();
                var (item, refusal) = OrderLines.Sell(store, line.Long("product_id") ?? 0, line.Long("variant_id"), line.Decimal("quantity") ?? 1,
                    TrayTime.Day(now), line.Decimal("price"), line.Decimal("original_price"));
                if (item is null) return TrayError.BadRequest(http, refusal!);
                OrderItems.Add(store, order, item);
                order.Modified = now;
            }
            book.NotifyUpdate(store, id);
            return TrayWrite.Success(id, 201);
        });
        api.MapPut("/orders/excludeProduct/{id:long}/{productId:long}", (long id, long productId, HttpContext http, TrayRequest tray,
            SimulatorClock clock, OrderBook book) =>
        {
            var store = tray.Store;
            lock (store.Sync)
            {
                if (!store.Orders.TryGetValue(id, out var order)) return TrayError.NotFound(http, "Pedido");
                if (!OrderItems.Editable(store, order)) return TrayError.BadRequest(http, "O status do pedido não permite alteração");
                // The path names a product, so every line of it goes (each variant of it included).
                var lines = order.Items.Where(i => i.ProductId == productId).ToList();
                if (lines.Count == 0) return TrayError.NotFound(http, "Produto do pedido");
                foreach (var item in lines) OrderItems.Remove(store, order, item);
                order.Modified = clock.GetUtcNow();
            }
            book.NotifyUpdate(store, id);
            return TrayWrite.Success(id, 200);
        });
    }
}
