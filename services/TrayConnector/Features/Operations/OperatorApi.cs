using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Operations;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.TrayConnector.Features.Stores;

namespace TrayBridge.TrayConnector.Features.Operations;

/// <summary>Issue 15, the operator's view: the platform's operation (role <c>platform</c>, no tenant) sees every tenant's
/// stores and disables, enables and sets the daily plan of any of them. A store is its registration, (API host, Tray store
/// id), so both are in the path. A tenant's token gets 403 <c>auth.platform_required</c> on all of it.</summary>
public static class OperatorApi
{
    public const int MaxPageSize = 100;
    public const int MaxReasonLength = 300;

    public static void MapOperatorApi(this WebApplication app)
    {
        var operation = app.MapGroup("/api/tray/operator").WithTags("Operator").RequirePlatform();
        operation.MapGet("/stores", ListAsync);
        operation.MapGet("/actions", ActionsAsync);
        operation.MapPost("/stores/{apiHost}/{storeId}/disable", DisableAsync).ProducesTrayProblems(404, 409);
        operation.MapPost("/stores/{apiHost}/{storeId}/enable", EnableAsync).ProducesTrayProblems(404, 409);
        operation.MapPut("/stores/{apiHost}/{storeId}/plan", PlanAsync).ProducesTrayProblems(404);
    }

    private static async Task<Results<Ok<OperatorStorePage>, ValidationProblem>> ListAsync(bool? failing, int? page, int? pageSize,
        OperatorStoreQuery query, CancellationToken cancellationToken)
    {
        if (page is < 1) return Problems.Validation("page", "A página começa em 1.");
        if (pageSize is < 1 or > MaxPageSize) return Problems.Validation("pageSize", $"O tamanho da página vai de 1 a {MaxPageSize}.");
        return TypedResults.Ok(await query.PageAsync(failing == true, page ?? 1, pageSize ?? 50, cancellationToken));
    }

    private static async Task<Ok<List<OperatorActionEntry>>> ActionsAsync(int? limit, StoreOperations operations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await operations.RecentAsync(limit ?? 50, null, null, cancellationToken));

    private static async Task<Results<Ok<OperatorStore>, ValidationProblem, ProblemHttpResult>> DisableAsync(string apiHost, string storeId,
        DisableStoreRequest request, StoreRegistry registry, StoreOperations operations, OperatorStoreQuery query, HttpContext http,
        CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (reason is not { Length: >= 3 and <= MaxReasonLength })
            return Problems.Validation("reason", $"Informe o motivo (de 3 a {MaxReasonLength} caracteres): a empresa o vê na loja.");
        if (await registry.TenantOfAsync(apiHost, storeId, cancellationToken) is not { } tenantId) return NotFound();
        if (!await operations.DisableAsync(tenantId, apiHost, storeId, UserOf(http.User), reason, cancellationToken))
            return Problems.Conflict(OperatorProblemCodes.AlreadyDisabled, "A loja já está desativada: reative-a antes de desativar com outro motivo.");
        return await RowAsync(query, apiHost, storeId, cancellationToken);
    }

    private static async Task<Results<Ok<OperatorStore>, ProblemHttpResult>> EnableAsync(string apiHost, string storeId, StoreRegistry registry,
        StoreOperations operations, OperatorStoreQuery query, HttpContext http, CancellationToken cancellationToken)
    {
        if (await registry.TenantOfAsync(apiHost, storeId, cancellationToken) is not { } tenantId) return NotFound();
        if (!await operations.EnableAsync(tenantId, apiHost, storeId, UserOf(http.User), cancellationToken))
            return Problems.Conflict(OperatorProblemCodes.NotDisabled, "A loja não está desativada.");
        return (await RowAsync(query, apiHost, storeId, cancellationToken)).Result switch
        {
            Ok<OperatorStore> ok => ok,
            var other => (ProblemHttpResult)other,
        };
    }

    /// <summary>The budget's ceilings per priority scale with the plan (each class keeps its share of it: invoices and
    /// status moves their reserve), from the next call on.</summary>
    private static async Task<Results<Ok<OperatorStore>, ValidationProblem, ProblemHttpResult>> PlanAsync(string apiHost, string storeId,
        StorePlanRequest request, StoreRegistry registry, StoreOperations operations, OperatorStoreQuery query, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (request.DailyCalls is not (>= TrayDailyPlans.Min and <= TrayDailyPlans.Max) || request.DailyCalls is not { } dailyCalls)
            return Problems.Validation("dailyCalls", "Informe de 1.000 a 50.000 requisições por dia (planos da Tray: 10.000, ou 50.000 na loja corporativa).");
        if (await registry.TenantOfAsync(apiHost, storeId, cancellationToken) is not { } tenantId) return NotFound();
        await operations.SetPlanAsync(tenantId, apiHost, storeId, UserOf(http.User), dailyCalls, cancellationToken);
        return await RowAsync(query, apiHost, storeId, cancellationToken);
    }

    private static async Task<Results<Ok<OperatorStore>, ValidationProblem, ProblemHttpResult>> RowAsync(OperatorStoreQuery query, string apiHost,
        string storeId, CancellationToken cancellationToken) =>
        (await query.PageAsync(false, 1, 1, cancellationToken, apiHost, storeId)).Tenants.SelectMany(t => t.Stores).FirstOrDefault() is { } row
            ? TypedResults.Ok(row) : NotFound();

    private static ProblemHttpResult NotFound() =>
        Problems.NotFound(OperatorProblemCodes.StoreNotFound, "Nenhuma empresa tem esta loja cadastrada neste endereço da API.");

    /// <summary>Who acted, as the audit shows it: the e-mail when the token has one, else its <c>sub</c>; bounded.</summary>
    private static string UserOf(ClaimsPrincipal user) =>
        user.FindFirst("email")?.Value is { Length: > 0 and <= 200 } email ? email : RegistrationLog.UserOf(user);
}
