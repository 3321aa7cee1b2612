using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.TrayConnector.Features.Dedicated;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Orders.StatusMap;

/// <summary><c>/api/tray/orders/statuses</c>: the store's Tray statuses and the role of each; the merchant's choice
/// replaces our guesses and survives refreshes. Reading them the first time calls Tray, so Tray's failures are answered.</summary>
public static class OrderStatusMapApi
{
    public static void MapOrderStatusMapApi(this RouteGroupBuilder orders)
    {
        orders.MapGet("/statuses", GetAsync).ProducesTrayProblems(404, 409, 429, 502, 503);
        orders.MapPut("/statuses", SetAsync).ProducesTrayProblems(404, 409, 429, 502, 503).RequireAdmin();
        orders.MapPost("/statuses/refresh", RefreshAsync).ProducesTrayProblems(404, 409, 429, 502, 503);
    }

    private static async Task<Results<Ok<OrderStatusRoles>, ProblemHttpResult>> RefreshAsync(StoreRequest request, IDocumentStore documents,
        TenantContext tenant, TrayForwarding forwarding, CancellationToken cancellationToken)
    {
        if (!await StoreExistsAsync(documents, tenant, request.StoreId, cancellationToken)) return TrayProblems.StoreNotFound();
        var (map, problem) = await FreshMapAsync(forwarding, documents, tenant.Require(), request.StoreId!, cancellationToken);
        return problem ?? (Results<Ok<OrderStatusRoles>, ProblemHttpResult>)TypedResults.Ok(View(map!));
    }

    /// <summary>Reads the statuses from Tray in the connector that serves the store, which keeps them; then loads them here.</summary>
    private static async Task<(OrderStatusMap? Map, ProblemHttpResult? Problem)> FreshMapAsync(TrayForwarding forwarding, IDocumentStore documents,
        string tenantId, string storeId, CancellationToken cancellationToken)
    {
        if ((await forwarding.RunAsync<DateTimeOffset>(tenantId, storeId, ForwardedOperations.OrderStatuses, null, cancellationToken)).Result
            is ProblemHttpResult problem) return (null, problem);
        await using var session = documents.QuerySession(tenantId);
        return (await session.LoadAsync<OrderStatusMap>(storeId, cancellationToken), null);
    }

    private static async Task<Results<Ok<OrderStatusRoles>, ProblemHttpResult>> GetAsync(string? storeId, IDocumentStore documents,
        TenantContext tenant, TrayForwarding forwarding, CancellationToken cancellationToken)
    {
        if (!await StoreExistsAsync(documents, tenant, storeId, cancellationToken)) return TrayProblems.StoreNotFound();
        await using var session = documents.QuerySession(tenant.Require());
        if (await session.LoadAsync<OrderStatusMap>(storeId!, cancellationToken) is { } kept) return TypedResults.Ok(View(kept));
        var (map, problem) = await FreshMapAsync(forwarding, documents, tenant.Require(), storeId!, cancellationToken);
        return problem ?? (Results<Ok<OrderStatusRoles>, ProblemHttpResult>)TypedResults.Ok(View(map!));
    }

    private static async Task<Results<Ok<OrderStatusRoles>, ValidationProblem, ProblemHttpResult>> SetAsync(SetOrderStatusRolesRequest roles,
        IDocumentStore documents, TenantContext tenant, TrayForwarding forwarding, CancellationToken cancellationToken)
    {
        if (!await StoreExistsAsync(documents, tenant, roles.StoreId, cancellationToken)) return TrayProblems.StoreNotFound();
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<OrderStatusMap>(roles.StoreId!, cancellationToken) is not { } map)
        {
            var (fresh, problem) = await FreshMapAsync(forwarding, documents, tenant.Require(), roles.StoreId!, cancellationToken);
            if (problem is not null) return problem;
            map = fresh!;
        }
        var known = map.Statuses.Select(s => s.Id).ToHashSet();
        var unknown = (roles.ApprovedIds ?? []).Concat(roles.CancelledIds ?? []).Append(roles.InvoicedId).Append(roles.ShippedId)
            .Where(id => id is not null && !known.Contains(id)).ToList();
        if (unknown.Count > 0) return Problems.Validation("statusIds", $"Estes status não são da loja: {string.Join(", ", unknown)}.");
        (map.ApprovedIds, map.InvoicedId, map.ShippedId, map.CancelledIds) = (roles.ApprovedIds ?? [], roles.InvoicedId, roles.ShippedId, roles.CancelledIds ?? []);
        map.AutoImportApproved = roles.AutoImportApproved;
        map.ConfirmedByUser = true;
        session.Store(map);
        try { await session.SaveChangesAsync(cancellationToken); }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            return Problems.Conflict(TrayProblemCodes.StatusesChanged, "Os status da loja foram atualizados enquanto isso: leia-os de novo e repita.");
        }
        return TypedResults.Ok(View(map));
    }

    private static OrderStatusRoles View(OrderStatusMap map) => new(map.Id, map.Statuses.Select(s => new TrayOrderStatusItem(s.Id, s.Name)).ToList(),
        map.ApprovedIds, map.InvoicedId, map.ShippedId, map.CancelledIds, map.AutoImportApproved, map.ConfirmedByUser, map.RefreshedAt);

    private static async Task<bool> StoreExistsAsync(IDocumentStore documents, TenantContext tenant, string? storeId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(storeId)) return false;
        await using var session = documents.QuerySession(tenant.Require());
        return await session.LoadAsync<TrayStore>(storeId, cancellationToken) is not null;
    }
}
