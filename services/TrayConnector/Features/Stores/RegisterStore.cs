using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
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
    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex StoreIdFormat();

    public static async Task<Results<Created<VirtualStore>, ValidationProblem, ProblemHttpResult>> HandleAsync(RegisterStoreRequest request, IDocumentStore documents, TenantContext tenant, TrayAuthClient auth,
        ApiAddressPolicy policy, StoreSecrets secrets, StoreRegistry registry, DueWorkScheduler scheduler, IOptions<TraySettings> settings, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Platform != StoreViews.TrayCommerce) errors["platform"] = ["Só a plataforma \"TrayCommerce\" é aceita."];
        if (request.StoreId is null || !StoreIdFormat().IsMatch(request.StoreId)) errors["storeId"] = ["Informe o número da loja na Tray (código de cliente), só dígitos."];
        if (string.IsNullOrWhiteSpace(request.Code)) errors["code"] = ["Informe o code mostrado pela Tray ao instalar o aplicativo."];
        var (apiAddress, addressProblem) = policy.Normalize(request.ApiAddress);
        if (addressProblem is not null) errors["apiAddress"] = [addressProblem];
        if (errors.Count > 0) return Problems.Validation(errors);

        if (await registry.TenantOfAsync(request.StoreId!, cancellationToken) is not null)
            return AlreadyRegistered();

        // The plan is the operator's setting (Tray:Budget:CorporateStores); the request's Corporate flag is ignored.
        var dailyLimit = settings.Value.Budget.DailyLimitOf(request.StoreId!);
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
            return AlreadyRegistered();
        }
        return TypedResults.Created($"/api/stores/{store.Id}", StoreViews.From(store, now, settings.Value.ReauthorizationWarning)
            with { ApiAddressNote = ApiAddressPolicy.AdjustmentNote(request.ApiAddress, store.ApiAddress) });
    }

    private static ProblemHttpResult AlreadyRegistered() => Problems.Conflict(TrayProblemCodes.StoreAlreadyRegistered,
        "Esta loja da Tray já está cadastrada em uma conta: uma loja só pode estar ligada a uma conta. Remova-a de lá antes.");
}
