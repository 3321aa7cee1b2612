using Marten;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary><c>/api/tray/orders/statuses</c>: the store's Tray statuses and the role of each; the merchant's choice
/// replaces our guesses and survives refreshes.</summary>
public static class OrderStatusMapApi
{
    public sealed record Roles(string? StoreId, List<string>? ApprovedIds, string? InvoicedId, string? ShippedId, List<string>? CancelledIds,
        bool AutoImportApproved);

    public sealed record RefreshRequest(string? StoreId);

    public static void MapOrderStatusMapApi(this RouteGroupBuilder orders)
    {
        orders.MapGet("/statuses", GetAsync);
        orders.MapPut("/statuses", SetAsync);
        orders.MapPost("/statuses/refresh", async (RefreshRequest request, IDocumentStore documents, TenantContext tenant, OrderStatusReader reader,
            CancellationToken cancellationToken) =>
        {
            if (!await StoreExistsAsync(documents, tenant, request.StoreId, cancellationToken)) return OrdersApi.StoreNotFound();
            return Results.Ok(await reader.RefreshAsync(tenant.Require(), request.StoreId!, TrayPriority.ManualImport, cancellationToken));
        });
    }

    private static async Task<IResult> GetAsync(string? storeId, IDocumentStore documents, TenantContext tenant, OrderStatusReader reader,
        CancellationToken cancellationToken)
    {
        if (!await StoreExistsAsync(documents, tenant, storeId, cancellationToken)) return OrdersApi.StoreNotFound();
        await using var session = documents.QuerySession(tenant.Require());
        return Results.Ok(await session.LoadAsync<OrderStatusMap>(storeId!, cancellationToken)
                          ?? await reader.RefreshAsync(tenant.Require(), storeId!, TrayPriority.ManualImport, cancellationToken));
    }

    private static async Task<IResult> SetAsync(Roles roles, IDocumentStore documents, TenantContext tenant, OrderStatusReader reader,
        CancellationToken cancellationToken)
    {
        if (!await StoreExistsAsync(documents, tenant, roles.StoreId, cancellationToken)) return OrdersApi.StoreNotFound();
        await using var session = documents.LightweightSession(tenant.Require());
        var map = await session.LoadAsync<OrderStatusMap>(roles.StoreId!, cancellationToken)
                  ?? await reader.RefreshAsync(tenant.Require(), roles.StoreId!, TrayPriority.ManualImport, cancellationToken);
        var known = map.Statuses.Select(s => s.Id).ToHashSet();
        var unknown = (roles.ApprovedIds ?? []).Concat(roles.CancelledIds ?? []).Append(roles.InvoicedId).Append(roles.ShippedId)
            .Where(id => id is not null && !known.Contains(id)).ToList();
        if (unknown.Count > 0)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["statusIds"] = [$"Not statuses of this store: {string.Join(", ", unknown)}."] });
        (map.ApprovedIds, map.InvoicedId, map.ShippedId, map.CancelledIds) = (roles.ApprovedIds ?? [], roles.InvoicedId, roles.ShippedId, roles.CancelledIds ?? []);
        map.AutoImportApproved = roles.AutoImportApproved;
        map.ConfirmedByUser = true;
        session.Store(map);
        try { await session.SaveChangesAsync(cancellationToken); }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            return Results.Problem(statusCode: 409, title: "The statuses were refreshed meanwhile.", detail: "Read them again and repeat.");
        }
        return Results.Ok(map);
    }

    private static async Task<bool> StoreExistsAsync(IDocumentStore documents, TenantContext tenant, string? storeId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(storeId)) return false;
        await using var session = documents.QuerySession(tenant.Require());
        return await session.LoadAsync<TrayStore>(storeId, cancellationToken) is not null;
    }
}
