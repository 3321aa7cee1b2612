using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Domain.Events;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary><c>POST /api/invoicing/nfes/{id}/correction {text}</c>: a carta de correção (evento 110110) of an authorized
/// note, sequence 1 to 20 per note (each replaces the ones before; the latest's PDF is behind the note's
/// <c>correctionPdfUrl</c>). A refusal shows SEFAZ's cStat and motivo (422 <c>sefaz.correction_refused</c>) and changes
/// nothing. No integration event: the note, its value and its sales order stand as they were.</summary>
public static class CorrectNfe
{
    public static async Task<Results<Ok<NfeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, CorrectionRequest request,
        IDocumentStore store, TenantContext tenant, EmitterCertificates certificates, NfeSchemaValidator validator, SefazClient sefaz,
        NfeOutcomes outcomes, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Require();
        await using var session = store.LightweightSession(tenantId);
        if (await session.LoadAsync<NfeRecord>(id, cancellationToken) is not { } note) return Problems.NotFound("nfe.not_found", "Nota fiscal não encontrada.");
        if (note.Status != NfeStatus.Authorized)
            return Problems.Conflict("nfe.not_authorized", $"A NF-e {note.Number} está {NfeViews.Situation(note.Status)}: só uma nota autorizada recebe carta de correção.");
        var text = request.Text?.Trim() ?? "";
        if (text.Length is < NfeEventRequest.MinCorrection or > NfeEventRequest.MaxCorrection)
            return Problems.Validation("text",
                $"A correção tem de {NfeEventRequest.MinCorrection} a {NfeEventRequest.MaxCorrection} caracteres (exigência da SEFAZ).");
        var sequence = note.Corrections.Select(c => c.Sequence).DefaultIfEmpty(0).Max() + 1;
        if (sequence > NfeEventRequest.MaxCorrections)
            return Problems.Conflict("nfe.corrections_exhausted", $"A NF-e {note.Number} já tem {NfeEventRequest.MaxCorrections} cartas de correção, o máximo da SEFAZ.");
        var now = time.GetUtcNow();
        var profile = await session.LoadAsync<EmitterProfile>(tenantId, cancellationToken);
        if (EmitterReadiness.Problem(profile, now) is { } notReady) return notReady;
        using var certificate = certificates.Open(profile!.Certificate!);
        NfeEventOutcome outcome;
        try
        {
            var evento = NfeEventRequest.Correct(profile.ToEmitter(), note.Key, sequence, text, now);
            outcome = await NfeEventSender.SendAsync(sefaz, validator, profile, certificate, note.Key, evento, "envCCe_v1.00.xsd", now, cancellationToken);
        }
        catch (SefazUnavailableException e) { return NfeEventSender.Unavailable(e); }
        if (!outcome.Registered) return NfeEventSender.Refused("sefaz.correction_refused", "a carta de correção", outcome);

        note.Corrections.Add(new NfeCorrection(sequence, text, outcome.Protocol!, outcome.RegisteredAt!.Value, outcome.ProcEvento!));
        note.UpdatedAt = now;
        session.Store(note);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NfeViews.WithLinks(note, outcomes, tenantId));
    }
}
