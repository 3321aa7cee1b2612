using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary><c>GET /api/invoicing/nfes</c>: the Notas fiscais screen's list (<see cref="NfePage"/>), newest first, with
/// each situation's count under the same filters (the screen's cards). Filters: situation (Portuguese, see
/// <see cref="NfeSituations"/>) or status (NfeStatus's names), from/to (São Paulo days, or instants) on dhEmi, number,
/// salesOrderId, batchId.</summary>
public static class ListNfes
{
    public const int MaxPageSize = 200;

    public static async Task<Results<Ok<NfePage>, ValidationProblem>> HandleAsync(string? situation, string? status, string? from, string? to,
        int? number, Guid? salesOrderId, Guid? batchId, int? page, int? pageSize, IDocumentStore store, TenantContext tenant, NfeOutcomes outcomes,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        NfeStatus[]? statuses = null;
        if (situation is not null && (statuses = NfeViews.Statuses(situation)) is null)
            errors["situation"] = [$"Situação desconhecida: use {string.Join(", ", NfeSituations.All)}."];
        NfeStatus? exact = null;
        if (status is not null)
        {
            if (Enum.TryParse<NfeStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)) exact = parsed;
            else errors["status"] = [$"Status desconhecido: use {string.Join(", ", Enum.GetNames<NfeStatus>())}."];
        }
        var start = from is null ? null : BrazilTime.Bound(from, end: false);
        var end = to is null ? null : BrazilTime.Bound(to, end: true);
        if (from is not null && start is null) errors["from"] = ["Data inicial inválida: use aaaa-mm-dd."];
        if (to is not null && end is null) errors["to"] = ["Data final inválida: use aaaa-mm-dd."];
        if (page is < 1) errors["page"] = ["A página começa em 1."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"Tamanho de página de 1 a {MaxPageSize}."];
        if (errors.Count > 0) return Problems.Validation(errors);

        var tenantId = tenant.Require();
        await using var session = store.QuerySession(tenantId);
        IQueryable<NfeRecord> query = session.Query<NfeRecord>();
        if (exact is { } s) query = query.Where(n => n.Status == s);
        if (number is { } nNF) query = query.Where(n => n.Number == nNF);
        if (salesOrderId is { } order) query = query.Where(n => n.SalesOrderId == order);
        if (batchId is { } batch) query = query.Where(n => n.BatchId == batch);
        if (start is { } after) query = query.Where(n => n.IssuedAt >= after);
        if (end is { } before) query = query.Where(n => n.IssuedAt < before);

        // The cards count under every filter but the situation, so choosing a card does not empty the others.
        var situations = new Dictionary<string, int>();
        foreach (var name in NfeSituations.All)
        {
            var members = NfeViews.Statuses(name)!;
            situations[name] = await query.Where(n => members.Contains(n.Status)).CountAsync(cancellationToken);
        }
        if (statuses is not null) query = query.Where(n => statuses.Contains(n.Status));
        var notes = await query.OrderByDescending(n => n.IssuedAt).ThenByDescending(n => n.Number)
            .ToPagedListAsync(page ?? 1, pageSize ?? 50, cancellationToken);
        return TypedResults.Ok(new NfePage(
            [.. notes.Select(n => NfeViews.WithLinks(n, outcomes, tenantId))],
            (int)notes.PageNumber, (int)notes.PageSize, notes.TotalItemCount, situations));
    }
}
