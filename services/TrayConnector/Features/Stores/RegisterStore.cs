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
using TrayBridge.TrayConnector.Features.Dedicated;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Polling;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>The seed's "Lojas Virtuais" form: platform, Usuário (store id), Site (URL) and Code. The code is exchanged
/// at once; the store, its registry row (API host, store id), its audit line and <c>StoreConnected</c> commit together, or
/// nothing but the refused attempt's audit line is stored. Attempts are limited per tenant (<see cref="RegistrationLog"/>).</summary>
public static partial class RegisterStore
{
    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex StoreIdFormat();

    public static async Task<Results<Created<VirtualStore>, ValidationProblem, ProblemHttpResult>> HandleAsync(RegisterStoreRequest request, IDocumentStore documents, TenantContext tenant,
        ApiAddressPolicy policy, StoreSecrets secrets, StoreRegistry registry, RegistrationLog log, DueWorkScheduler scheduler, IOptions<TraySettings> settings,
        TrayForwarding forwarding, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Platform != StoreViews.TrayCommerce) errors["platform"] = ["Só a plataforma \"TrayCommerce\" é aceita."];
        if (request.StoreId is null || !StoreIdFormat().IsMatch(request.StoreId)) errors["storeId"] = ["Informe o número da loja na Tray (código de cliente), só dígitos."];
        if (string.IsNullOrWhiteSpace(request.Code)) errors["code"] = ["Informe o code mostrado pela Tray ao instalar o aplicativo."];
        var (apiAddress, addressProblem) = policy.Normalize(request.ApiAddress);
        if (addressProblem is not null) errors["apiAddress"] = [addressProblem];
        if (errors.Count > 0) return Problems.Validation(errors);

        var tenantId = tenant.Require();
        var host = StoreHost.Of(apiAddress!);
        await using var session = documents.LightweightSession(tenantId);
        if (await session.LoadAsync<TrayStore>(request.StoreId!, cancellationToken) is not null) return AlreadyRegisteredHere();
        // Another tenant's claim of the same id at ANOTHER host refuses nothing: a store id proves nothing (any host can answer
        // it), and the real merchant must never be locked out by a fake claim. The same host and id, though, is the same Tray
        // store: a second tenant would share its tokens and budget, so it stays refused until the first removes it.
        if (await registry.TenantOfAsync(host, request.StoreId!, cancellationToken) is not null) return AlreadyRegistered();

        var now = time.GetUtcNow();
        var (attempt, retryAt) = await log.AdmitAsync(tenantId, RegistrationLog.UserOf(http.User), StoreRegistrationActions.Register, request.StoreId!,
            host, now, cancellationToken);
        if (attempt is not { } attemptId) return RegistrationLimit.Refused(http, settings.Value.Registrations, retryAt, now);

        // The plan is the operator's setting (Tray:Budget:CorporateStores); the request's Corporate flag is ignored.
        var dailyLimit = settings.Value.Budget.DailyLimitOf(request.StoreId!);
        var exchange = await StoreAuthorization.ExchangeAsync(forwarding, secrets, tenantId, apiAddress!, request.StoreId!, dailyLimit, request.Code!,
            cancellationToken);
        if (exchange.Problem is not null)
        {
            await log.RecordOutcomeAsync(attemptId, RegistrationLimit.CodeOf(exchange.Problem), CancellationToken.None);
            return exchange.Problem;
        }

        now = time.GetUtcNow();
        var store = new TrayStore
        {
            Id = request.StoreId!, ApiAddress = apiAddress!, ApiHost = "", ProtectedCode = secrets.Protect(request.Code!),
            ProtectedAccessToken = "", ProtectedRefreshToken = "", RegisteredAt = now, DailyLimit = dailyLimit,
        };
        secrets.Apply(store, exchange.Tokens!, now);
        session.Insert(store);
        registry.Claim(session, host, store.Id, now);
        log.RecordOutcome(session, attemptId, RegistrationLog.Registered);
        session.AppendIntegrationEvent(Guid.CreateVersion7(), new StoreConnected(session.TenantId, store.Id, store.ApiHost, now));
        await OrderPolling.StartAsync(session, scheduler, store.Id, now, cancellationToken);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (PostgresErrors.IsUniqueViolation(e))
        {
            await log.RecordOutcomeAsync(attemptId, TrayProblemCodes.StoreAlreadyRegistered, CancellationToken.None);
            return AlreadyRegistered();
        }
        return TypedResults.Created($"/api/stores/{store.Id}", StoreViews.From(store, now, settings.Value.ReauthorizationWarning)
            with { ApiAddressNote = ApiAddressPolicy.AdjustmentNote(request.ApiAddress, store.ApiAddress) });
    }

    private static ProblemHttpResult AlreadyRegistered() => Problems.Conflict(TrayProblemCodes.StoreAlreadyRegistered,
        "Esta loja da Tray já está cadastrada em uma conta: uma loja só pode estar ligada a uma conta. Remova-a de lá antes.");

    private static ProblemHttpResult AlreadyRegisteredHere() => Problems.Conflict(TrayProblemCodes.StoreAlreadyRegistered,
        "Esta loja da Tray já está cadastrada nesta conta: para trocar o code ou o endereço, use \"Autorizar de novo\".");
}
