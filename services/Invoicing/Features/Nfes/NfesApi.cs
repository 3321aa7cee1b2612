using Marten;
using TrayBridge.Invoicing.Features.Batches;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>Batches and notes: <c>POST/GET /api/invoicing/batches</c>, <c>GET /api/invoicing/nfes</c> (status, number, salesOrderId,
/// from/to on dhEmi), <c>POST …/nfes/{id}/resend</c>, and the nfeProc XML behind a signed anonymous link.</summary>
public static class NfesApi
{
    public static void MapNfesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/invoicing").WithTags("NF-e");
        api.MapPost("/batches", IssueBatch.HandleAsync);
        api.MapGet("/batches/{id:guid}", GetBatchAsync);
        api.MapGet("/nfes", ListAsync);
        api.MapPost("/nfes/{id:guid}/resend", ResendNfe.HandleAsync);
        app.MapGet("/public/invoicing/nfes/{token}/xml", XmlAsync).AllowAnonymous();
    }

    private static async Task<IResult> GetBatchAsync(Guid id, IDocumentStore store, TenantContext tenant, NfeOutcomes outcomes, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        if (await session.LoadAsync<InvoiceBatch>(id, cancellationToken) is not { } batch) return Results.NotFound();
        var notes = await session.LoadManyAsync<NfeRecord>(cancellationToken, batch.NfeIds);
        return Results.Ok(new
        {
            batch.Id, batch.CreatedAt, batch.SalesOrderIds, batch.Skipped,
            Nfes = notes.OrderBy(n => n.Number).Select(n => NfeResponse.From(n, outcomes.XmlUrl(tenant.Require(), n.Id))),
        });
    }

    private static async Task<IResult> ListAsync(string? status, int? number, Guid? salesOrderId, DateTimeOffset? from, DateTimeOffset? to,
        IDocumentStore store, TenantContext tenant,
        NfeOutcomes outcomes, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        IQueryable<NfeRecord> query = session.Query<NfeRecord>();
        if (status is not null)
        {
            if (!Enum.TryParse<NfeStatus>(status, ignoreCase: true, out var parsed))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", Enum.GetNames<NfeStatus>())}."] });
            query = query.Where(n => n.Status == parsed);
        }
        if (number is { } nNF) query = query.Where(n => n.Number == nNF);
        if (salesOrderId is { } order) query = query.Where(n => n.SalesOrderId == order);
        if (from is { } start) query = query.Where(n => n.IssuedAt >= start);
        if (to is { } end) query = query.Where(n => n.IssuedAt < end);
        var notes = await query.OrderBy(n => n.Number).Take(500).ToListAsync(cancellationToken);
        return Results.Ok(notes.Select(n => NfeResponse.From(n, outcomes.XmlUrl(tenant.Require(), n.Id))));
    }

    // Anonymous: the tenant and the note come only from the signed token.
    private static async Task<IResult> XmlAsync(string token, SignedUrls urls, IDocumentStore store, CancellationToken cancellationToken)
    {
        if (urls.Verify(token, NfeOutcomes.XmlPurpose) is not var (tenantId, resource) || !Guid.TryParse(resource, out var id)) return Results.NotFound();
        await using var session = store.QuerySession(tenantId);
        return await session.LoadAsync<NfeRecord>(id, cancellationToken) is { NfeProc: { } xml } note
            ? Results.Text(xml, "application/xml", System.Text.Encoding.UTF8)
            : Results.NotFound();
    }
}
