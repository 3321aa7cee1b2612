using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.Invoicing.Domain.Voiding;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;
using static TrayBridge.Invoicing.Features.Sefaz.SefazMessages;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary><c>POST /api/invoicing/nfes/{id}/void {justification}</c>: a rejected note given up for good (its order will
/// not be invoiced under it) has its number voided at SEFAZ (inutilização, 102), so the série has no unexplained gap. The
/// note becomes Voided with SEFAZ's protocol; any other answer leaves it Rejected and is shown with SEFAZ's cStat and
/// motivo (code <c>sefaz.void_refused</c>, extension <c>sefazCode</c>).</summary>
public static class VoidNumber
{
    public static async Task<Results<Ok<NfeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid id, VoidRequest request,
        IDocumentStore store, TenantContext tenant, EmitterCertificates certificates, NfeSchemaValidator validator, SefazClient sefaz, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var tenantId = tenant.Require();
        await using var session = store.LightweightSession(tenantId);
        if (await session.LoadAsync<NfeRecord>(id, cancellationToken) is not { } note) return Problems.NotFound("nfe.not_found", "Nota fiscal não encontrada.");
        if (note.Status != NfeStatus.Rejected)
            return Problems.Conflict("nfe.not_rejected",
                $"A NF-e {note.Number} está {NfeViews.Situation(note.Status)}: só o número de uma nota rejeitada é inutilizado.");
        if (request.Justification?.Trim().Length is not (>= InutilizacaoRequest.MinJustification and <= InutilizacaoRequest.MaxJustification))
            return Problems.Validation("justification",
                $"A justificativa tem de {InutilizacaoRequest.MinJustification} a {InutilizacaoRequest.MaxJustification} caracteres (exigência da SEFAZ).");
        var profile = await session.LoadAsync<EmitterProfile>(tenantId, cancellationToken);
        if (EmitterReadiness.Problem(profile, time.GetUtcNow()) is { } notReady) return notReady;
        var emitter = profile!.ToEmitter();
        using var certificate = certificates.Open(profile.Certificate!);
        var signed = NfeSigner.Sign(InutilizacaoRequest.Build(emitter, note.Series, note.Number,
            Uf.LocalTime(emitter.Address.Uf, time.GetUtcNow()).Year, request.Justification!), certificate);
        validator.EnsureValid(signed);
        System.Xml.Linq.XElement answer;
        try { answer = await sefaz.CallAsync(profile, SefazWebServices.Voiding, signed, certificate, cancellationToken); }
        catch (SefazUnavailableException e)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "sefaz.unavailable", $"A SEFAZ não respondeu ({e.Message}): tente de novo em instantes.");
        }
        var result = answer.Element(SefazClient.Nfe + "infInut") ?? answer;
        if (CStat(result) != "102")
        {
            var refused = Problems.Unprocessable("sefaz.void_refused", $"A SEFAZ recusou a inutilização ({CStat(result)}): {Reason(result)}");
            refused.ProblemDetails.Extensions["sefazCode"] = CStat(result);
            return refused;
        }
        (note.Status, note.StatusCode, note.Reason) = (NfeStatus.Voided, "102", Reason(result));
        note.Protocol = (string?)result.Element(SefazClient.Nfe + "nProt");
        note.UpdatedAt = time.GetUtcNow();
        session.Store(note);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NfeViews.From(note, null, null));
    }
}
