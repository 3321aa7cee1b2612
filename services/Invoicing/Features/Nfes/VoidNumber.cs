using Marten;
using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.Invoicing.Domain.Voiding;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.ServiceDefaults.Tenancy;
using static TrayBridge.Invoicing.Features.Sefaz.SefazMessages;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary><c>POST /api/invoicing/nfes/{id}/void {justification}</c>: a rejected note given up for good (its order will
/// not be invoiced under it) has its number voided at SEFAZ (inutilização, 102), so the série has no unexplained gap. The
/// note becomes Voided with SEFAZ's protocol; any other answer leaves it Rejected and is shown as SEFAZ gave it.</summary>
public static class VoidNumber
{
    public sealed record Request(string? Justification);

    public static async Task<IResult> HandleAsync(Guid id, Request request, IDocumentStore store, TenantContext tenant, EmitterCertificates certificates,
        NfeSchemaValidator validator, SefazClient sefaz, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Require();
        await using var session = store.LightweightSession(tenantId);
        if (await session.LoadAsync<NfeRecord>(id, cancellationToken) is not { } note) return Results.NotFound();
        if (note.Status != NfeStatus.Rejected)
            return Results.Problem(statusCode: 409, title: "Not rejected", detail: $"NF-e {note.Number} is {note.Status}; only a rejected note's number is voided.");
        if (request.Justification?.Trim().Length is not (>= InutilizacaoRequest.MinJustification and <= InutilizacaoRequest.MaxJustification))
            return Results.ValidationProblem(new Dictionary<string, string[]>
                { ["justification"] = [$"SEFAZ asks {InutilizacaoRequest.MinJustification} to {InutilizacaoRequest.MaxJustification} characters."] });
        var profile = await session.LoadAsync<EmitterProfile>(tenantId, cancellationToken);
        if (profile?.Certificate is not { } stored || stored.NotAfter <= time.GetUtcNow())
            return Results.Problem(statusCode: 409, title: "No valid certificate", detail: "Upload a valid A1 certificate first.");
        if (profile.Sefaz.Voiding is not { } url)
            return Results.Problem(statusCode: 409, title: "No voiding service", detail: "Set the emitter's voidingUrl (NFeInutilizacao4) first.");

        var emitter = profile.ToEmitter();
        using var certificate = certificates.Open(stored);
        var signed = NfeSigner.Sign(InutilizacaoRequest.Build(emitter, note.Series, note.Number,
            Uf.LocalTime(emitter.Address.Uf, time.GetUtcNow()).Year, request.Justification!), certificate);
        validator.EnsureValid(signed);
        System.Xml.Linq.XElement answer;
        try { answer = await sefaz.CallAsync(url, "NFeInutilizacao4", signed, certificate, cancellationToken); }
        catch (SefazUnavailableException e) { return Results.Problem(statusCode: 503, title: "SEFAZ unavailable", detail: e.Message); }
        var result = answer.Element(SefazClient.Nfe + "infInut") ?? answer;
        if (CStat(result) != "102")
            return Results.Problem(statusCode: 422, title: $"SEFAZ {CStat(result)}", detail: Reason(result));
        (note.Status, note.StatusCode, note.Reason) = (NfeStatus.Voided, "102", Reason(result));
        note.Protocol = (string?)result.Element(SefazClient.Nfe + "nProt");
        note.UpdatedAt = time.GetUtcNow();
        session.Store(note);
        await session.SaveChangesAsync(cancellationToken);
        return Results.Ok(NfeResponse.From(note, null, null));
    }
}
