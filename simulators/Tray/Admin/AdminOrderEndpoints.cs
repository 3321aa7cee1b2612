using System.Globalization;
using TrayBridge.TraySimulator.Seeding;

namespace TrayBridge.TraySimulator.Admin;

/// <summary><c>/admin/stores/{id}/orders</c>: orders with known content, and the back-office changes tests need.</summary>
public static class AdminOrderEndpoints
{
    public static void MapAdminOrders(this RouteGroupBuilder admin)
    {
        admin.MapPost("/stores/{storeId}/orders", (string storeId, OrderRequest? body, SimulatorAdmin sim) =>
        {
            var request = body ?? new OrderRequest();
            var id = sim.CreateOrder(storeId, request.ToRecipe(), request.ToExtras());
            return Results.Json(new { id = id.ToString(CultureInfo.InvariantCulture) }, statusCode: 201);
        });
        admin.MapGet("/stores/{storeId}/orders/{orderId:long}", (string storeId, long orderId, SimulatorAdmin sim) =>
            Results.Json(sim.Orders.Complete(storeId, orderId)));
        admin.MapPost("/stores/{storeId}/orders/{orderId:long}/cancel", (string storeId, long orderId, SimulatorAdmin sim) =>
            Results.Ok(new { id = orderId.ToString(CultureInfo.InvariantCulture), status = sim.Orders.Cancel(storeId, orderId) }));
        admin.MapPost("/stores/{storeId}/orders/{orderId:long}/items", (string storeId, long orderId, ItemRequest body, SimulatorAdmin sim) =>
        {
            sim.Orders.SetItem(storeId, orderId, body.ProductId, body.VariantId,
                body.Quantity ?? throw new ArgumentException("quantity is required (0 removes the item)."));
            return Results.Ok(new { id = orderId.ToString(CultureInfo.InvariantCulture) });
        });
    }
}

/// <summary>Body of <c>POST /admin/stores/{id}/orders</c>; everything optional (see <see cref="OrderRecipe"/> and
/// <see cref="OrderExtras"/>; with <c>customerId</c>, <c>customer</c> is not used).</summary>
public sealed record OrderRequest(string? Status = null, string? Marketplace = null, CustomerRequest? Customer = null,
    IReadOnlyList<ItemRequest>? Items = null, decimal? CouponDiscount = null, string? CouponCode = null, decimal? Discount = null,
    decimal? PixDiscount = null, decimal? ProgressiveDiscount = null, long? CustomerId = null, DateTimeOffset? PlacedAt = null,
    decimal? ShippingProgressiveDiscount = null, decimal? UnlistedDiscount = null)
{
    /// <summary>A marketplace order without the seller's id on the marketplace (<see cref="OrderRecipe.WithoutSellerId"/>).</summary>
    public bool? WithoutSellerId { get; init; }

    public OrderRecipe ToRecipe() => new()
    {
        Status = Status, Marketplace = Marketplace,
        Customer = Customer is null ? null : new CustomerProfile(Customer.Company ?? false, Customer.WithoutDocument ?? false),
        Items = Items?.Select(i => new RecipeItem(i.ProductId, i.VariantId, i.Quantity ?? 1)).ToList(),
        CouponDiscount = CouponDiscount ?? 0, CouponCode = CouponCode, Discount = Discount ?? 0, PixDiscount = PixDiscount ?? 0,
        ProgressiveDiscount = ProgressiveDiscount ?? 0, ShippingProgressiveDiscount = ShippingProgressiveDiscount ?? 0, PlacedAt = PlacedAt,
        WithoutSellerId = WithoutSellerId ?? false,
    };

    public OrderExtras ToExtras() => new(UnlistedDiscount ?? 0, CustomerId, Customer?.Name);
}

public sealed record CustomerRequest(bool? WithoutDocument, bool? Company, string? Name = null);

public sealed record ItemRequest(long ProductId, long? VariantId, decimal? Quantity);
