using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>The seed's "Lojas Virtuais" form: platform, Usuário (store id), Site (URL) and Code. The code is exchanged
/// at once; the store, its registry row and <c>StoreConnected</c> commit together, or nothing is stored.</summary>
public static partial class RegisterStore
{
    public sealed record Request(string? Platform, string? StoreId, string? ApiAddress, string? Code, bool Corporate = false);

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex StoreIdFormat();

    public static async Task<IResult> HandleAsync(Request request, IDocumentStore documents, TenantContext tenant, TrayAuthClient auth,
        ApiAddressPolicy policy, StoreSecrets secrets, StoreRegistry registry, DueWorkScheduler scheduler, IOptions<TraySettings> settings, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Platform != StoreResponse.TrayCommerce) errors["platform"] = ["Only \"TrayCommerce\" is supported."];
        if (request.StoreId is null || !StoreIdFormat().IsMatch(request.StoreId)) errors["storeId"] = ["The Tray store id (código de cliente) is a number."];
        if (string.IsNullOrWhiteSpace(request.Code)) errors["code"] = ["The code shown by Tray when the app was installed is required."];
        var (apiAddress, addressProblem) = policy.Normalize(request.ApiAddress);
        if (addressProblem is not null) errors["apiAddress"] = [addressProblem];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        if (await registry.TenantOfAsync(request.StoreId!, cancellationToken) is not null)
            return Results.Problem(statusCode: 409, title: "This Tray store is already registered.",
                detail: "A Tray store can be connected to one account only. Remove it there first.");

        var dailyLimit = request.Corporate ? 50_000 : 10_000;
        var exchange = await StoreAuthorization.ExchangeAsync(auth, settings.Value, apiAddress!, request.StoreId!, dailyLimit, request.Code!,
            cancellationToken);
        if (exchange.Problem is not null) return exchange.Problem;

        var now = time.GetUtcNow();
        await using var session = documents.LightweightSession(tenant.Require());
        var store = new TrayStore
        {
            Id = request.StoreId!, ApiAddress = apiAddress!, ApiHost = "", ProtectedCode = secrets.Protect(request.Code!),
            ProtectedAccessToken = "", ProtectedRefreshToken = "", RegisteredAt = now, DailyLimit = dailyLimit,
        };
        secrets.Apply(store, exchange.Tokens!, now);
        session.Insert(store);
        registry.Claim(session, store.Id, now);
        session.AppendIntegrationEvent(Guid.CreateVersion7(), new StoreConnected(session.TenantId, store.Id, store.ApiHost, now));
        await OrderPolling.StartAsync(session, scheduler, store.Id, now, cancellationToken);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (PostgresErrors.IsUniqueViolation(e))
        {
            return Results.Problem(statusCode: 409, title: "This Tray store is already registered.");
        }
        return Results.Created($"/api/stores/{store.Id}", StoreResponse.From(store, now, settings.Value.ReauthorizationWarning));
    }
}
