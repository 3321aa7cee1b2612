using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Shipments;

/// <summary>Dispatches back to Tray: <see cref="SalesOrderShippedConsumer"/> records, <see cref="SendShipment"/> delivers,
/// <c>GET /api/tray/shipments?storeId=&amp;trayOrderId=</c> shows each (also on the order's row of <c>GET /api/tray/orders</c>),
/// <c>POST /api/tray/shipments/retry</c> re-drives one.</summary>
public static class ShipmentsApi
{
    public static WebApplicationBuilder AddShipmentFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TrayShipmentUpdate>();
        builder.Services.AddDueWorkHandler<SendShipment>();
        return builder;
    }

    public static void MapShipmentsApi(this WebApplication app)
    {
        app.MapPost("/api/tray/shipments/retry", RetryShipment.HandleAsync).WithTags("Shipments").ProducesTrayProblems(404, 409);
        app.MapGet("/api/tray/shipments", ListAsync).WithTags("Shipments");
    }

    private static async Task<Results<Ok<ShipmentDeliveryList>, ValidationProblem>> ListAsync(string? storeId, string? trayOrderId,
        IDocumentStore documents, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(storeId)) return Problems.Validation("storeId", "Informe a loja (storeId).");
        await using var session = documents.QuerySession(tenant.Require());
        var query = session.Query<ShipmentDelivery>().Where(d => d.StoreId == storeId);
        if (!string.IsNullOrWhiteSpace(trayOrderId)) query = query.Where(d => d.TrayOrderId == trayOrderId);
        var items = await query.OrderByDescending(d => d.ReceivedAt).Take(ShipmentDeliveryList.MaxItems).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ShipmentDeliveryList(items.Count, items.Select(d => d.View()).ToList()));
    }
}
