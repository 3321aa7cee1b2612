using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrayBridge.Api.Invoicing;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Invoicing.Domain.Events;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Tenancy;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary><c>POST /api/invoicing/nfes/{id}/cancel {justification}</c>: cancels an authorized note at SEFAZ (evento
/// 110111) within its UF's deadline. 135/155 → Cancelled, the procEventoNFe kept and <see cref="NfeCancelled"/> published
/// in the same transaction; the number stays used (never reused) and the links keep working (the DANFE marked CANCELADA).
/// A refusal shows SEFAZ's cStat and motivo (422 <c>sefaz.cancel_refused</c>, <c>sefazCode</c>) and changes nothing.</summary>
public static class CancelNfe
{
    public static async Task<Results<Ok<NfeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, CancelRequest request,
        IDocumentStore store, TenantContext tenant, EmitterCertificates certificates, NfeSchemaValidator validator, SefazClient sefaz,
        NfeOutcomes outcomes, IOptions<InvoicingSettings> settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Require();
        await using var session = store.LightweightSession(tenantId);
        if (await session.LoadAsync<NfeRecord>(id, cancellationToken) is not { } note) return Problems.NotFound("nfe.not_found", "Nota fiscal não encontrada.");
        if (note.Status == NfeStatus.Cancelled) return Problems.Conflict("nfe.already_cancelled", $"A NF-e {note.Number} já está cancelada.");
        if (note.Status != NfeStatus.Authorized)
            return Problems.Conflict("nfe.not_authorized", $"A NF-e {note.Number} está {NfeViews.Situation(note.Status)}: só uma nota autorizada é cancelada.");
        var justification = request.Justification?.Trim() ?? "";
        if (justification.Length is < NfeEventRequest.MinJustification or > NfeEventRequest.MaxJustification)
            return Problems.Validation("justification",
                $"A justificativa tem de {NfeEventRequest.MinJustification} a {NfeEventRequest.MaxJustification} caracteres (exigência da SEFAZ).");
        var now = time.GetUtcNow();
        if (outcomes.CancellableUntil(note) is { } until && now > until)
            return Problems.Conflict("nfe.cancel_deadline_passed",
                $"O prazo de cancelamento da NF-e {note.Number} terminou em {BrazilTime.DateTime(until)}: a SEFAZ recusaria (501). "
                + "Fale com o contador sobre uma nota de devolução ou estorno.");
        var profile = await session.LoadAsync<EmitterProfile>(tenantId, cancellationToken);
        if (EmitterReadiness.Problem(profile, now) is { } notReady) return notReady;
        using var certificate = certificates.Open(profile!.Certificate!);
        NfeEventOutcome outcome;
        try
        {
            var evento = NfeEventRequest.Cancel(profile.ToEmitter(), note.Key, note.Protocol ?? "", justification, now);
            outcome = await NfeEventSender.SendAsync(sefaz, validator, profile, certificate, note.Key, evento, "envEventoCancNFe_v1.00.xsd", now, cancellationToken);
        }
        catch (SefazUnavailableException e) { return NfeEventSender.Unavailable(e); }
        if (!outcome.Registered) return NfeEventSender.Refused("sefaz.cancel_refused", "o cancelamento", outcome);

        (note.Status, note.CancelledAt, note.CancellationProtocol) = (NfeStatus.Cancelled, outcome.RegisteredAt, outcome.Protocol);
        (note.CancellationJustification, note.CancellationProc, note.UpdatedAt) = (justification, outcome.ProcEvento, now);
        session.Store(note);
        session.AppendIntegrationEvent(note.Id, new NfeCancelled(tenantId, note.StoreId, note.TrayOrderId, note.SalesOrderId, note.Id, note.Key,
            note.Number, note.Series, justification, outcome.Protocol!, outcome.RegisteredAt!.Value, now));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NfeViews.WithLinks(note, outcomes, tenantId));
    }
}
