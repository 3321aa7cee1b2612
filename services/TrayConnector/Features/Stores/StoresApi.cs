using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.TrayConnector.Features.Dedicated;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Operations;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>Lojas Virtuais: a tenant's Tray stores. Every query runs in the caller's tenant session, so another tenant's
/// store is simply not found.</summary>
public static class StoresApi
{
    /// <summary>A tenant has a handful of stores; the bound only keeps one answer from growing without limit.</summary>
    public const int MaxStores = 100;

    public static void MapStoresApi(this WebApplication app)
    {
        var stores = app.MapGroup("/api/stores").WithTags("Stores");
        // ProblemHttpResult carries its status at run time; these say which ones the document should show.
        stores.MapPost("/", RegisterStore.HandleAsync).ProducesTrayProblems(409, 422, 429, 503).RequireAdmin();
        stores.MapGet("/", ListAsync);
        stores.MapGet("/registrations", RegistrationsAsync);
        stores.MapGet("/{storeId}", GetAsync).ProducesTrayProblems(404);
        stores.MapPut("/{storeId}", ReauthorizeAsync).ProducesTrayProblems(404, 409, 422, 429, 503).RequireAdmin();
        stores.MapDelete("/{storeId}", RemoveStore.HandleAsync).ProducesTrayProblems(404).RequireAdmin();
        stores.MapPost("/{storeId}/check", CheckStore.HandleAsync).ProducesTrayProblems(404, 409, 429, 502, 503);
    }

    private static async Task<Ok<List<VirtualStore>>> ListAsync(IDocumentStore documents, TenantContext tenant, TrayBudget budget,
        TrayStoreHealth health, StoreOperations operations, IOptions<TraySettings> settings, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        var stores = await session.Query<TrayStore>().OrderBy(s => s.Id).Take(MaxStores).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var polls = (await session.LoadManyAsync<OrderPollState>(cancellationToken, stores.Select(s => s.Id).ToArray())).ToDictionary(p => p.Id);
        var failing = await health.OfAsync(stores.Select(s => (StoreHost.Of(s.ApiAddress), s.Id)).ToList(), cancellationToken);
        var operated = await operations.OfAsync(stores.Select(s => (StoreHost.Of(s.ApiAddress), s.Id)).ToList(), cancellationToken);
        var list = new List<VirtualStore>();
        foreach (var store in stores)
            list.Add(StoreViews.From(store, now, settings.Value.ReauthorizationWarning, await budget.UsedTodayAsync(StoreHost.Of(store.ApiAddress), store.Id, cancellationToken))
                .WithOrderDates(polls.GetValueOrDefault(store.Id)).WithHealth(failing.GetValueOrDefault((StoreHost.Of(store.ApiAddress), store.Id)))
                .WithOperation(operated.GetValueOrDefault((StoreHost.Of(store.ApiAddress), store.Id))));
        return TypedResults.Ok(list);
    }

    /// <summary>Who registered, re-authorised or removed which store, newest first (at most <see cref="RegistrationLog.MaxListed"/>).</summary>
    private static async Task<Ok<List<StoreRegistrationEntry>>> RegistrationsAsync(int? limit, TenantContext tenant, RegistrationLog log,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await log.RecentAsync(tenant.Require(), limit ?? 50, cancellationToken));

    private static async Task<Results<Ok<VirtualStore>, ProblemHttpResult>> GetAsync(string storeId, IDocumentStore documents, TenantContext tenant,
        TrayBudget budget, TrayStoreHealth health, StoreOperations operations, IOptions<TraySettings> settings, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenant.Require());
        return await session.LoadAsync<TrayStore>(storeId, cancellationToken) is { } store
            ? TypedResults.Ok(StoreViews.From(store, time.GetUtcNow(), settings.Value.ReauthorizationWarning,
                    await budget.UsedTodayAsync(StoreHost.Of(store.ApiAddress), store.Id, cancellationToken)).WithOrderDates(await session.LoadAsync<OrderPollState>(storeId, cancellationToken))
                .WithHealth(await health.OfAsync(StoreHost.Of(store.ApiAddress), store.Id, cancellationToken))
                .WithOperation(await operations.OfAsync(StoreHost.Of(store.ApiAddress), store.Id, cancellationToken)))
            : TrayProblems.StoreNotFound();
    }

    /// <summary>A new code (and, if it moved, a new API address) for a store that needs re-authorisation. A refused code
    /// changes nothing: the store keeps its status and reason. It sends our secret to an address like a registration, so it
    /// counts in the same limit and audit; a new host moves the store's claim (API host, store id) with it.</summary>
    private static async Task<Results<Ok<VirtualStore>, ValidationProblem, ProblemHttpResult>> ReauthorizeAsync(string storeId,
        ReauthorizeStoreRequest request, IDocumentStore documents, TenantContext tenant, ApiAddressPolicy policy,
        StoreSecrets secrets, StoreRegistry registry, RegistrationLog log, IOptions<TraySettings> settings, TrayForwarding forwarding, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenant.Require());
        if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is not { } store) return TrayProblems.StoreNotFound();
        if (string.IsNullOrWhiteSpace(request.Code)) return Problems.Validation("code", "Informe o novo code gerado pela Tray.");
        var (apiAddress, problem) = policy.Normalize(request.ApiAddress ?? store.ApiAddress);
        if (problem is not null) return Problems.Validation("apiAddress", problem);
        var (host, oldHost) = (StoreHost.Of(apiAddress!), StoreHost.Of(store.ApiAddress));
        if (host != oldHost && await registry.TenantOfAsync(host, storeId, cancellationToken) is not null) return StoreTakenAt();
        var now = time.GetUtcNow();
        var (attempt, retryAt) = await log.AdmitAsync(session.TenantId, RegistrationLog.UserOf(http.User), StoreRegistrationActions.Reauthorize,
            storeId, host, now, cancellationToken);
        if (attempt is not { } attemptId) return RegistrationLimit.Refused(http, settings.Value.Registrations, retryAt, now);
        var exchange = await StoreAuthorization.ExchangeAsync(forwarding, secrets, session.TenantId, apiAddress!, storeId, store.DailyLimit, request.Code,
            cancellationToken);
        if (exchange.Problem is not null)
        {
            await log.RecordOutcomeAsync(attemptId, RegistrationLimit.CodeOf(exchange.Problem), CancellationToken.None);
            return exchange.Problem;
        }
        now = time.GetUtcNow();
        store.ApiAddress = apiAddress!;
        store.ProtectedCode = secrets.Protect(request.Code);
        secrets.Apply(store, exchange.Tokens!, now);
        session.Store(store);
        if (host != oldHost) registry.Move(session, storeId, host);
        log.RecordOutcome(session, attemptId, RegistrationLog.Reauthorized);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (PostgresErrors.IsUniqueViolation(e))
        {
            await log.RecordOutcomeAsync(attemptId, TrayProblemCodes.StoreAlreadyRegistered, CancellationToken.None);
            return StoreTakenAt();
        }
        return TypedResults.Ok(StoreViews.From(store, now, settings.Value.ReauthorizationWarning)
            with { ApiAddressNote = request.ApiAddress is null ? null : ApiAddressPolicy.AdjustmentNote(request.ApiAddress, store.ApiAddress) });
    }

    private static ProblemHttpResult StoreTakenAt() => Problems.Conflict(TrayProblemCodes.StoreAlreadyRegistered,
        "Esta loja da Tray, neste endereço da API, já está cadastrada em outra conta: remova-a de lá antes.");
}
