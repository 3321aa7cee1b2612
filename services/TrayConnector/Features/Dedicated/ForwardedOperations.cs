using System.Text.Json;
using TrayBridge.TrayConnector.Features.CatalogMapping;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Features.Orders.StatusMap;

namespace TrayBridge.TrayConnector.Features.Dedicated;

/// <summary>The Tray calls a person's request makes, by name, so the same code runs whichever connector serves the store:
/// here, or in the store's dedicated connector when <see cref="TrayForwarding"/> sends it there. Each answers what the
/// endpoint would (a 200's body or its ProblemDetails).</summary>
public static class ForwardedOperations
{
    public const string Check = "check";
    public const string Categories = "tray-categories";
    public const string Brands = "tray-brands";
    public const string OrderStatuses = "order-statuses";
    public const string Record = "record";
    public const string Exchange = "exchange";

    /// <summary>A record to read for a manual mapping (<see cref="TrayRecords"/>).</summary>
    public sealed record RecordRead(string Path, string Wrapper, string Id, string Noun);

    public static async Task<IResult> RunAsync(IServiceProvider services, string operation, string tenantId, string storeId, JsonElement? argument,
        CancellationToken cancellationToken)
    {
        var tray = services.GetRequiredService<TrayApiClient>();
        try
        {
            return await RunOperationAsync(services, tray, operation, tenantId, storeId, argument, cancellationToken);
        }
        catch (Operations.StoreDisabledException e)
        {
            return TrayProblems.Disabled(e.Operation.DisabledReason); // a person asked: 423, nothing sent
        }
    }

    private static async Task<IResult> RunOperationAsync(IServiceProvider services, TrayApiClient tray, string operation, string tenantId,
        string storeId, JsonElement? argument, CancellationToken cancellationToken)
    {
        return operation switch
        {
            Check => (await CheckStore.CallAsync(tray, tenantId, storeId, cancellationToken)).Result,
            Categories => (await TrayCatalogLists.ReadCategoriesAsync(tray, tenantId, storeId, cancellationToken)).Result,
            Brands => (await TrayCatalogLists.ReadBrandsAsync(tray, tenantId, storeId, cancellationToken)).Result,
            OrderStatuses => await RefreshStatusesAsync(services.GetRequiredService<OrderStatusReader>(), tenantId, storeId, cancellationToken),
            Record => (await TrayRecords.CallAsync(tray, tenantId, storeId, argument!.Value.Deserialize<RecordRead>(JsonSerializerOptions.Web)!,
                cancellationToken)).Result,
            Exchange => (await StoreAuthorization.ExchangeHereAsync(services, storeId,
                argument!.Value.Deserialize<StoreAuthorization.ExchangeRequest>(JsonSerializerOptions.Web)!, cancellationToken)).Result,
            _ => throw new InvalidOperationException($"Unknown forwarded operation '{operation}'."),
        };
    }

    /// <summary>Reads the store's statuses from Tray into its <see cref="OrderStatusMap"/>; the caller loads the map.</summary>
    private static async Task<IResult> RefreshStatusesAsync(OrderStatusReader reader, string tenantId, string storeId, CancellationToken cancellationToken)
    {
        try
        {
            var map = await reader.RefreshAsync(tenantId, storeId, TrayPriority.ManualImport, cancellationToken);
            return TypedResults.Ok(map.RefreshedAt);
        }
        catch (Exception e) when (TrayProblems.For(e) is { } problem) { return problem; }
    }
}
