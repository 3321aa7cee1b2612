using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Invoicing.Features.Danfe;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Security;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>The anonymous DANFE and XML links of a note (<c>/public/invoicing/nfes/{token}/danfe|xml</c>), its latest carta
/// de correção's PDF (<c>…/cce</c>) and their revocation. The links stay valid for years (Tray shows the DANFE link to the
/// buyer), until the note stops being valid: denied or voided notes, and any note whose links the tenant revoked
/// (<c>POST …/nfes/{id}/links/revoke</c>), answer 410 Gone, never the document. A cancelled note keeps its links — the
/// accountant needs its documents: the DANFE is marked NF-E CANCELADA and the XML link answers a zip
/// (<c>NFe{chave}.zip</c>) with <c>{chave}-nfe.xml</c> (the nfeProc), <c>{chave}-cancelamento.xml</c> (the procEventoNFe
/// of the cancellation) and <c>{chave}-cce-{n}.xml</c> for each carta de correção, as ERPs hand notes to accountants.</summary>
public static class NfeLinks
{
    public static void MapNfeLinks(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapPost("/nfes/{id:guid}/links/revoke", RevokeAsync).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/public/invoicing/nfes/{token}/xml", XmlAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/public/invoicing/nfes/{token}/danfe", DanfeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/public/invoicing/nfes/{token}/cce", CorrectionAsync).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Revokes every link of the note, for good; the first revocation's time is kept.</summary>
    public static void Revoke(NfeRecord note, DateTimeOffset now) => note.LinksRevokedAt ??= now;

    public static bool IsRevoked(NfeRecord note) => note.LinksRevokedAt is not null || note.Status is NfeStatus.Denied or NfeStatus.Voided;

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, IDocumentStore store, TenantContext tenant, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant.Require());
        if (await session.LoadAsync<NfeRecord>(id, cancellationToken) is not { } note) return Problems.NotFound("nfe.not_found", "Nota fiscal não encontrada.");
        if (note.LinksRevokedAt is not null) return TypedResults.NoContent();
        Revoke(note, time.GetUtcNow());
        session.Store(note);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult, NotFound, ProblemHttpResult>> XmlAsync(string token, SignedUrls urls, IDocumentStore store, CancellationToken cancellationToken) =>
        await NoteAsync(token, NfeOutcomes.XmlPurpose, urls, store, cancellationToken) switch
        {
            (_, true) => Gone(),
            ({ Status: NfeStatus.Cancelled, NfeProc: not null } note, _) => TypedResults.File(NfeXmlZip.Of(note), "application/zip", $"NFe{note.Key}.zip"),
            ({ NfeProc: { } xml }, _) => TypedResults.Text(xml, "application/xml", System.Text.Encoding.UTF8),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> DanfeAsync(string token, SignedUrls urls, IDocumentStore store, CancellationToken cancellationToken) =>
        await NoteAsync(token, NfeOutcomes.DanfePurpose, urls, store, cancellationToken) switch
        {
            (_, true) => Gone(),
            ({ NfeProc: { } xml } note, _) => TypedResults.Bytes(DanfeRenderer.Render(xml, note.Status == NfeStatus.Cancelled), "application/pdf"),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> CorrectionAsync(string token, SignedUrls urls, IDocumentStore store, CancellationToken cancellationToken) =>
        await NoteAsync(token, NfeOutcomes.CorrectionPurpose, urls, store, cancellationToken) switch
        {
            (_, true) => Gone(),
            ({ NfeProc: not null, Corrections: [.., var latest] } note, _) =>
                TypedResults.Bytes(CorrectionPdf.Render(note, latest, Domain.Events.NfeEventRequest.CorrectionConditions), "application/pdf"),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Anonymous: the tenant and the note come only from the token, made for this document. The note with its
    /// nfeProc, or none (a token not ours or of another purpose, an unknown note, one not authorized), or revoked.</summary>
    private static async Task<(NfeRecord? Note, bool Revoked)> NoteAsync(string token, string purpose, SignedUrls urls, IDocumentStore store,
        CancellationToken cancellationToken)
    {
        if (urls.Verify(token, purpose) is not var (tenantId, resource) || !Guid.TryParse(resource, out var id)) return (null, false);
        await using var session = store.QuerySession(tenantId);
        return await session.LoadAsync<NfeRecord>(id, cancellationToken) is { } note ? (note, IsRevoked(note)) : (null, false);
    }

    private static ProblemHttpResult Gone() => Problems.Of(StatusCodes.Status410Gone, "nfe.link_revoked",
        "Este link foi revogado: a nota fiscal não é mais válida. Peça à loja um novo documento.");
}
