using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>Lojas Virtuais: a tenant's Tray stores. Every query runs in the caller's tenant session, so another tenant's
/// store is simply not found.</summary>
public static class StoresApi
{
    public sealed record Reauthorization(string? Code, string? ApiAddress);

    public static void MapStoresApi(this WebApplication app)
    {
        var stores = app.MapGroup("/api/stores").WithTags("Stores");
        stores.MapPost("/", RegisterStore.HandleAsync);
        stores.MapGet("/", ListAsync);
        stores.MapGet("/{storeId}", GetAsync);
        stores.MapPut("/{storeId}", ReauthorizeAsync);
        stores.MapDelete("/{storeId}", DeleteAsync);
        stores.MapPost("/{storeId}/check", CheckStore.HandleAsync);
    }

    private static async Task<IResult> ListAsync(IDocumentStore documents, TenantContext tenant, TrayBudget budget, IOptions<TraySettings> settings,
        TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        var stores = await session.Query<TrayStore>().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var list = new List<StoreResponse>();
        foreach (var store in stores)
            list.Add(StoreResponse.From(store, now, settings.Value.ReauthorizationWarning, await budget.UsedTodayAsync(store.Id, cancellationToken)));
        return Results.Ok(list);
    }

    private static async Task<IResult> GetAsync(string storeId, IDocumentStore documents, TenantContext tenant, TrayBudget budget,
        IOptions<TraySettings> settings, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        return await session.LoadAsync<TrayStore>(storeId, cancellationToken) is { } store
            ? Results.Ok(StoreResponse.From(store, time.GetUtcNow(), settings.Value.ReauthorizationWarning,
                await budget.UsedTodayAsync(store.Id, cancellationToken)))
            : NotFound();
    }

    /// <summary>A new code (and, if it moved, a new API address) for a store that needs re-authorisation.</summary>
    private static async Task<IResult> ReauthorizeAsync(string storeId, Reauthorization request, IDocumentStore documents, TenantContext tenant,
        TrayAuthClient auth, ApiAddressPolicy policy, StoreSecrets secrets, IOptions<TraySettings> settings, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is not { } store) return NotFound();
        if (string.IsNullOrWhiteSpace(request.Code))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["A new code from Tray is required."] });
        var (apiAddress, problem) = policy.Normalize(request.ApiAddress ?? store.ApiAddress);
        if (problem is not null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["apiAddress"] = [problem] });
        var exchange = await StoreAuthorization.ExchangeAsync(auth, settings.Value, apiAddress!, storeId, store.DailyLimit, request.Code,
            cancellationToken);
        if (exchange.Problem is not null) return exchange.Problem;
        var now = time.GetUtcNow();
        store.ApiAddress = apiAddress!;
        store.ProtectedCode = secrets.Protect(request.Code);
        secrets.Apply(store, exchange.Tokens!, now);
        session.Store(store);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(StoreResponse.From(store, now, settings.Value.ReauthorizationWarning));
    }

    private static async Task<IResult> DeleteAsync(string storeId, IDocumentStore documents, TenantContext tenant, StoreRegistry registry,
        CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return NotFound();
        session.Delete<TrayStore>(storeId);
        registry.Release(session, storeId);
        await session.SaveChangesAsync(cancellationToken);
        return Results.NoContent();
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "Store not found.");
}
