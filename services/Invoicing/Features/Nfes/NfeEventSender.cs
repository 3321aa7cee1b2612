using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Invoicing.Domain.Events;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.ServiceDefaults.Http;
using static TrayBridge.Invoicing.Features.Sefaz.SefazMessages;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>What SEFAZ said about one event: registered (135, 136 or 155) with its protocol and the procEventoNFe (the
/// signed evento as sent and the retEvento as answered), or refused with its cStat and motivo.</summary>
public sealed record NfeEventOutcome(bool Registered, string CStat, string Motivo, string? Protocol, DateTimeOffset? RegisteredAt, string? ProcEvento);

/// <summary>Signs an event (cancellation, carta de correção), validates its <c>envEvento</c> against the package's
/// schema and sends it to NFeRecepcaoEvento4 through the same hardened client as the notes (the official table's
/// address, mutual TLS). An answer about another key is never taken as this note's.</summary>
public static class NfeEventSender
{
    private static readonly XNamespace Nfe = SefazClient.Nfe;

    /// <exception cref="SefazUnavailableException">No usable answer; nothing was recorded here.</exception>
    /// <exception cref="NfeSchemaException">The event does not satisfy its schema (a bug here, never sent).</exception>
    public static async Task<NfeEventOutcome> SendAsync(SefazClient sefaz, NfeSchemaValidator validator, EmitterProfile profile,
        X509Certificate2 certificate, string key, string evento, string schema, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var signed = NfeSigner.Sign(evento, certificate);
        var lot = NfeEventRequest.Lot(signed, now);
        validator.EnsureValid(lot, schema);
        var answer = await sefaz.CallAsync(profile, SefazWebServices.Events, lot, certificate, cancellationToken);
        if (answer.Element(Nfe + "retEvento")?.Element(Nfe + "infEvento") is not { } result) return new(false, CStat(answer), Reason(answer), null, null, null);
        var cStat = CStat(result);
        if ((string?)result.Element(Nfe + "chNFe") is { } other && other != key)
            return new(false, cStat, $"a resposta da SEFAZ é de outra chave ({other})", null, null, null);
        var registered = cStat is "135" or "136" or "155" && (string?)result.Element(Nfe + "nProt") is { Length: > 0 };
        var at = DateTimeOffset.TryParse((string?)result.Element(Nfe + "dhRegEvento"), out var parsed) ? parsed : now;
        var proc = registered
            ? $"<procEventoNFe xmlns=\"{Nfe.NamespaceName}\" versao=\"1.00\">{signed}{answer.Element(Nfe + "retEvento")!.ToString(SaveOptions.DisableFormatting)}</procEventoNFe>"
            : null;
        return new(registered, cStat, Reason(result), (string?)result.Element(Nfe + "nProt"), at, proc);
    }

    public static ProblemHttpResult Unavailable(SefazUnavailableException e) =>
        Problems.Of(StatusCodes.Status503ServiceUnavailable, "sefaz.unavailable", $"A SEFAZ não respondeu ({e.Message}): nada mudou, tente de novo em instantes.");

    /// <summary>SEFAZ's refusal, shown with its cStat (extension <c>sefazCode</c>) and motivo; nothing changed.</summary>
    public static ProblemHttpResult Refused(string code, string what, NfeEventOutcome outcome)
    {
        var refused = Problems.Unprocessable(code, $"A SEFAZ recusou {what} ({outcome.CStat}): {outcome.Motivo}. Nada foi alterado.");
        refused.ProblemDetails.Extensions["sefazCode"] = outcome.CStat;
        return refused;
    }
}
