using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.Invoicing.Features.Batches;
using TrayBridge.Invoicing.Features.Sending;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>Batches and notes: <c>POST/GET /api/invoicing/batches</c>, <c>GET /api/invoicing/nfes</c> (<see cref="ListNfes"/>),
/// <c>GET …/nfes/{id}</c>, <c>POST …/nfes/{id}/resend</c>, <c>…/void</c>, <c>…/cancel</c> (<see cref="CancelNfe"/>) and <c>…/correction</c> (<see cref="CorrectNfe"/>), and the nfeProc XML and its DANFE PDF behind opaque anonymous links (<see cref="NfeLinks"/>).</summary>
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
        api.MapPost("/nfes/{id:guid}/cancel", CancelNfe.HandleAsync).WithMetadata(new RequestSizeLimitAttribute(4 * 1024));
        api.MapPost("/nfes/{id:guid}/correction", CorrectNfe.HandleAsync).WithMetadata(new RequestSizeLimitAttribute(8 * 1024));
        app.MapNfeLinks(api);
    }

    private static async Task<Results<Ok<Api.Invoicing.NfeResponse>, ProblemHttpResult>> GetAsync(Guid id, IDocumentStore store,
        ServiceDefaults.Tenancy.TenantContext tenant, NfeOutcomes outcomes, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Require();
        await using var session = store.QuerySession(tenantId);
        return await session.LoadAsync<NfeRecord>(id, cancellationToken) is { } note
            ? TypedResults.Ok(NfeViews.WithLinks(note, outcomes, tenantId))
            : ServiceDefaults.Http.Problems.NotFound("nfe.not_found", "Nota fiscal não encontrada.");
    }
}
