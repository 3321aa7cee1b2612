using Marten;
using TrayBridge.Invoicing.Features.Batches;
using TrayBridge.Invoicing.Features.Danfe;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>Batches and notes: <c>POST/GET /api/invoicing/batches</c>, <c>GET /api/invoicing/nfes</c> (status, number, salesOrderId,
/// from/to on dhEmi), <c>POST …/nfes/{id}/resend</c>, and the nfeProc XML and its DANFE PDF behind signed anonymous links.</summary>
public static class NfesApi
{
    public static void MapNfesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/invoicing").WithTags("NF-e");
        api.MapPost("/batches", IssueBatch.HandleAsync);
        api.MapGet("/batches/{id:guid}", GetBatchAsync);
        api.MapGet("/nfes", ListAsync);
        api.MapPost("/nfes/{id:guid}/resend", ResendNfe.HandleAsync);
        api.MapPost("/nfes/{id:guid}/void", VoidNumber.HandleAsync);
        app.MapGet("/public/invoicing/nfes/{token}/xml", XmlAsync).AllowAnonymous();
        app.MapGet("/public/invoicing/nfes/{token}/danfe", DanfeAsync).AllowAnonymous();
    }

    private static async Task<IResult> GetBatchAsync(Guid id, IDocumentStore store, TenantContext tenant, NfeOutcomes outcomes, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        if (await session.LoadAsync<InvoiceBatch>(id, cancellationToken) is not { } batch) return Results.NotFound();
        var notes = await session.LoadManyAsync<NfeRecord>(cancellationToken, batch.NfeIds);
        return Results.Ok(new
        {
            batch.Id, batch.CreatedAt, batch.SalesOrderIds, batch.Skipped,
            Nfes = notes.OrderBy(n => n.Number).Select(n => Response(n, tenant.Require(), outcomes)),
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
        return Results.Ok(notes.Select(n => Response(n, tenant.Require(), outcomes)));
    }

    private static NfeResponse Response(NfeRecord note, string tenantId, NfeOutcomes outcomes) =>
        NfeResponse.From(note, outcomes.XmlUrl(tenantId, note.Id), outcomes.DanfeUrl(tenantId, note.Id));

    // Anonymous: the tenant and the note come only from the signed token, signed for this document.
    private static async Task<IResult> XmlAsync(string token, SignedUrls urls, IDocumentStore store, CancellationToken cancellationToken) =>
        await NfeProcAsync(token, NfeOutcomes.XmlPurpose, urls, store, cancellationToken) is { } xml
            ? Results.Text(xml, "application/xml", System.Text.Encoding.UTF8)
            : Results.NotFound();

    private static async Task<IResult> DanfeAsync(string token, SignedUrls urls, IDocumentStore store, CancellationToken cancellationToken) =>
        await NfeProcAsync(token, NfeOutcomes.DanfePurpose, urls, store, cancellationToken) is { } xml
            ? Results.Bytes(DanfeRenderer.Render(xml), "application/pdf")
            : Results.NotFound();

    /// <summary>The nfeProc of the note the token names, or null: a token not ours or of another purpose, an unknown
    /// note, or one not authorized (no nfeProc).</summary>
    private static async Task<string?> NfeProcAsync(string token, string purpose, SignedUrls urls, IDocumentStore store, CancellationToken cancellationToken)
    {
        if (urls.Verify(token, purpose) is not var (tenantId, resource) || !Guid.TryParse(resource, out var id)) return null;
        await using var session = store.QuerySession(tenantId);
        return (await session.LoadAsync<NfeRecord>(id, cancellationToken))?.NfeProc;
    }
}
