using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api.Orders;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Orders.Features.Marketplaces;

/// <summary>The seller's id per store and marketplace (<c>/api/orders/stores/{storeId}/marketplaces</c>): listed with what
/// still waits for it, and set once for every open order of that marketplace and every one imported later.</summary>
public static class MarketplacesApi
{
    public static void MapMarketplacesApi(this WebApplication app)
    {
        var marketplaces = app.MapGroup("/api/orders/stores/{storeId}/marketplaces").WithTags("Marketplaces");
        marketplaces.MapGet("/", ListAsync);
        marketplaces.MapPut("/{name}", SetMarketplaceSellerId.HandleAsync).WithMetadata(new RequestSizeLimitAttribute(MarketplaceLimits.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).RequireAdmin();
    }

    private static async Task<Ok<StoreMarketplaces>> ListAsync(string storeId, IDocumentStore documents, TenantContext tenant,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new StoreMarketplaces(storeId, await StoreMarketplacesQuery.ListAsync(documents, tenant.Require(), storeId, cancellationToken)));
}
