using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Features.Orders.StatusMap;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Import;
using TrayBridge.TrayConnector.Features.Orders.Listing;
using TrayBridge.TrayConnector.Features.Orders.Polling;

namespace TrayBridge.TrayConnector.Features.Orders;

/// <summary>Importar Pedidos: the list comes from the mirror (no Tray call), import and refresh only schedule work.</summary>
public static class OrdersApi
{
    public static void MapOrdersApi(this WebApplication app)
    {
        var orders = app.MapGroup("/api/tray/orders").WithTags("Orders");
        orders.MapGet("/", ListOrders.HandleAsync).ProducesTrayProblems(404);
        orders.MapPost("/import", ImportOrders.HandleAsync).ProducesTrayProblems(404, 423);
        orders.MapGet("/imports/{importId:guid}", ImportProgressQuery.HandleAsync).ProducesTrayProblems(404);
        orders.MapPost("/refresh", RefreshAsync).ProducesTrayProblems(404, 423);
        orders.MapOrderStatusMapApi();
    }

    /// <summary>"Atualizar da Tray": polls the store now (and from then on at the usual interval).</summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> RefreshAsync(StoreRequest request, IDocumentStore documents, TenantContext tenant,
        DueWorkScheduler scheduler, Operations.StoreOperations operations, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (request.StoreId is null || await session.LoadAsync<TrayStore>(request.StoreId, cancellationToken) is not { } store) return TrayProblems.StoreNotFound();
        if (await operations.OfAsync(StoreHost.Of(store.ApiAddress), store.Id, cancellationToken) is { Disabled: true } disabled)
            return TrayProblems.Disabled(disabled.DisabledReason);
        await OrderPolling.StartAsync(session, scheduler, request.StoreId, time.GetUtcNow(), cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
