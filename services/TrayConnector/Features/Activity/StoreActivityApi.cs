using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Api.Tray;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Extensions;
using TrayBridge.TrayConnector.Features.Stores;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Features.Activity;

/// <summary>The screen's filters: São Paulo days (<c>aaaa-mm-dd</c>, both included), a kind and a result by code, a page.</summary>
public sealed record StoreActivityQuery([FromQuery] string? From, [FromQuery] string? To, [FromQuery] string? Kind, [FromQuery] string? Result,
    [FromQuery] int? Page, [FromQuery] int? PageSize)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (From is not null && Day(From) is null) errors["from"] = ["Informe a data inicial como aaaa-mm-dd."];
        if (To is not null && Day(To) is null) errors["to"] = ["Informe a data final como aaaa-mm-dd."];
        if (Day(From) is { } from && Day(To) is { } to && from > to) errors["to"] = ["A data final é anterior à inicial."];
        if (Kind is not null && !StoreActivityKinds.Labels.ContainsKey(Kind))
            errors["kind"] = [$"Tipo desconhecido: use {string.Join(", ", StoreActivityKinds.Labels.Keys)}."];
        if (Result is not null && !StoreActivityResults.Labels.ContainsKey(Result))
            errors["result"] = [$"Resultado desconhecido: use {string.Join(", ", StoreActivityResults.Labels.Keys)}."];
        if (Page is < 1) errors["page"] = ["As páginas começam em 1."];
        if (PageSize is < 1 or > StoreActivityPage.MaxPageSize) errors["pageSize"] = [$"De 1 a {StoreActivityPage.MaxPageSize} linhas por página."];
        return errors;
    }

    public StoreActivityFilter ToFilter(string tenantId, string storeId) => new(tenantId, storeId,
        Day(From) is { } from ? TrayLocalTimeConverter.FromSaoPaulo(from.ToDateTime(TimeOnly.MinValue)) : null,
        Day(To) is { } to ? TrayLocalTimeConverter.FromSaoPaulo(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
        Kind, Result, Page ?? 1, PageSize ?? StoreActivityPage.DefaultPageSize);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary><c>GET /api/tray/stores/{storeId}/activity</c>: the tenant's own store only (another tenant's is a 404, as a
/// store that does not exist), through <see cref="StoreActivity"/>.</summary>
public static class StoreActivityApi
{
    public static WebApplicationBuilder AddStoreActivity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StoreActivityLog>();
        builder.Services.AddSingleton<StoreActivity>();
        return builder;
    }

    public static void MapStoreActivityApi(this WebApplication app) =>
        app.MapGet("/api/tray/stores/{storeId}/activity", ReadAsync).WithTags("Store activity").ProducesTrayProblems(404);

    private static async Task<Results<Ok<StoreActivityPage>, ValidationProblem, ProblemHttpResult>> ReadAsync(string storeId,
        [AsParameters] StoreActivityQuery query, IDocumentStore documents, StoreActivity activity, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        if (query.Validate() is { Count: > 0 } errors) return Problems.Validation(errors);
        var tenantId = tenant.Require();
        await using (var session = documents.QuerySession(tenantId))
            if (await session.LoadAsync<TrayStore>(storeId, cancellationToken) is null) return TrayProblems.StoreNotFound();
        return TypedResults.Ok(await activity.ReadAsync(query.ToFilter(tenantId, storeId), cancellationToken));
    }
}
