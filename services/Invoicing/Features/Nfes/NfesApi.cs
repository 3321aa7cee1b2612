using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Invoicing.Features.Batches;
using TrayBridge.Invoicing.Features.Danfe;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>Batches and notes: <c>POST/GET /api/invoicing/batches</c>, <c>GET /api/invoicing/nfes</c> (<see cref="ListNfes"/>),
/// <c>GET …/nfes/{id}</c>, <c>POST …/nfes/{id}/resend</c> and <c>…/void</c>, and the nfeProc XML and its DANFE PDF behind signed anonymous links.</summary>
public static class NfesApi
{
    public static void MapNfesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/invoicing").WithTags("NF-e");
        // 1,000 ids are about 40 KB of JSON.
        api.MapPost("/batches", IssueBatch.HandleAsync).WithMetadata(new RequestSizeLimitAttribute(128 * 1024));
        api.MapGet("/batches/{id:guid}", GetBatch.HandleAsync);
        api.MapGet("/nfes", ListNfes.HandleAsync);
        api.MapGet("/nfes/{id:guid}", GetAsync);
        api.MapPost("/nfes/{id:guid}/resend", ResendNfe.HandleAsync).WithMetadata(new RequestSizeLimitAttribute(4 * 1024));
        api.MapPost("/nfes/{id:guid}/void", VoidNumber.HandleAsync).WithMetadata(new RequestSizeLimitAttribute(4 * 1024));
        app.MapGet("/public/invoicing/nfes/{token}/xml", XmlAsync).AllowAnonymous();
        app.MapGet("/public/invoicing/nfes/{token}/danfe", DanfeAsync).AllowAnonymous();
    }

    private static async Task<Results<Ok<Api.Invoicing.NfeResponse>, ProblemHttpResult>> GetAsync(Guid id, IDocumentStore store,
        ServiceDefaults.Tenancy.TenantContext tenant, NfeOutcomes outcomes, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Require();
        await using var session = store.QuerySession(tenantId);
        return await session.LoadAsync<NfeRecord>(id, cancellationToken) is { } note
            ? TypedResults.Ok(NfeViews.From(note, outcomes.XmlUrl(tenantId, note.Id), outcomes.DanfeUrl(tenantId, note.Id)))
            : ServiceDefaults.Http.Problems.NotFound("nfe.not_found", "Nota fiscal não encontrada.");
    }

    // Anonymous: the tenant and the note come only from the signed token, signed for this document.
    private static async Task<Results<ContentHttpResult, NotFound>> XmlAsync(string token, SignedUrls urls, IDocumentStore store,
        CancellationToken cancellationToken) =>
        await NfeProcAsync(token, NfeOutcomes.XmlPurpose, urls, store, cancellationToken) is { } xml
            ? TypedResults.Text(xml, "application/xml", System.Text.Encoding.UTF8)
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> DanfeAsync(string token, SignedUrls urls, IDocumentStore store,
        CancellationToken cancellationToken) =>
        await NfeProcAsync(token, NfeOutcomes.DanfePurpose, urls, store, cancellationToken) is { } xml
            ? TypedResults.Bytes(DanfeRenderer.Render(xml), "application/pdf")
            : TypedResults.NotFound();

    /// <summary>The nfeProc of the note the token names, or null: a token not ours or of another purpose, an unknown
    /// note, or one not authorized (no nfeProc).</summary>
    private static async Task<string?> NfeProcAsync(string token, string purpose, SignedUrls urls, IDocumentStore store, CancellationToken cancellationToken)
    {
        if (urls.Verify(token, purpose) is not var (tenantId, resource) || !Guid.TryParse(resource, out var id)) return null;
        await using var session = store.QuerySession(tenantId);
        return (await session.LoadAsync<NfeRecord>(id, cancellationToken))?.NfeProc;
    }
}
