using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Marten;
using Microsoft.Extensions.Options;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Nfes;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Security;
using static TrayBridge.Invoicing.Features.Sefaz.SefazMessages;

namespace TrayBridge.Invoicing.Features.Sending;

/// <summary>What a protNFe means for a note (nfe.md §4.4): 100/150 authorized (nfeProc stored, NfeIssued), 204/539
/// resolved by consulting the key — never by a new key —, 110/301/302/303 denied, anything else rejected with cStat and
/// reason, number and cNF kept for a resend. Events go through the relay, in the session that records the outcome.</summary>
public sealed class NfeOutcomes(SefazClient sefaz, SignedUrls urls, IOptions<InvoicingSettings> settings, TimeProvider time)
{
    public async Task ApplyAsync(IDocumentSession session, NfeRecord note, XElement protNFe, EmitterProfile profile, X509Certificate2 certificate,
        CancellationToken cancellationToken)
    {
        var cStat = Prot(protNFe, "cStat") ?? "";
        if (cStat is "204" or "539")
        {
            var consulted = await sefaz.CallAsync(profile, SefazWebServices.Consultation, KeyQuery(profile.Emitter.Environment, note.Key),
                certificate, cancellationToken);
            if (CStat(consulted) is "100" or "150" && Protocols(consulted).FirstOrDefault() is { } found) protNFe = found;
            cStat = Prot(protNFe, "cStat") ?? cStat;
        }
        note.StatusCode = cStat;
        note.Reason = Prot(protNFe, "xMotivo");
        note.LastError = null;
        note.UpdatedAt = time.GetUtcNow();
        // An "authorized" protNFe that is not this note's (another key or digest, a broken signature) is a fake or broken
        // answer: never Authorized; the note shows why, and a resend asks SEFAZ again (204, then the key is consulted).
        var mismatch = cStat is "100" or "150" ? ProtocolCheck.Problem(protNFe, note.Key, note.SignedXml) : null;
        if (mismatch is not null) (note.StatusCode, note.Reason) = (ProtocolCheck.Mismatch, mismatch);
        if (cStat is "100" or "150" && mismatch is null) Authorize(session, note, protNFe);
        else
        {
            note.Status = cStat is "110" or "301" or "302" or "303" ? NfeStatus.Denied : NfeStatus.Rejected;
            session.AppendIntegrationEvent(note.Id, new NfeRejected(session.TenantId, note.StoreId, note.TrayOrderId, note.SalesOrderId, note.StatusCode,
                note.Reason ?? "", time.GetUtcNow()));
        }
        session.Store(note);
    }

    private void Authorize(IDocumentSession session, NfeRecord note, XElement protNFe)
    {
        note.Status = NfeStatus.Authorized;
        note.Protocol = Prot(protNFe, "nProt");
        note.AuthorizedAt = DateTimeOffset.TryParse(Prot(protNFe, "dhRecbto"), out var at) ? at : time.GetUtcNow();
        note.NfeProc = NfeProc(note.SignedXml, protNFe);
        // The DANFE link is the one Tray shows the store (its "link"); the XML link travels beside it.
        session.AppendIntegrationEvent(note.Id, new NfeIssued(session.TenantId, note.StoreId, note.TrayOrderId, note.SalesOrderId, note.Key,
            note.Number, note.Series, note.IssuedAt, note.Total, note.Protocol ?? "", DanfeUrl(session.TenantId, note.Id), XmlUrl(session.TenantId, note.Id),
            [.. note.Lines.Select(l => new NfeItemCfop(l.TrayProductId, l.TrayVariantId, l.Cfop))], time.GetUtcNow()));
    }

    /// <summary>The nfeProc: the signed NFe as sent and SEFAZ's protNFe under one root.</summary>
    public static string NfeProc(string signedXml, XElement protNFe) =>
        $"<nfeProc xmlns=\"{SefazClient.Nfe.NamespaceName}\" versao=\"4.00\">{signedXml}{protNFe.ToString(SaveOptions.DisableFormatting)}</nfeProc>";

    public const string XmlPurpose = "invoicing-nfe-xml";
    public const string DanfePurpose = "invoicing-nfe-danfe";
    public const string CorrectionPurpose = "invoicing-nfe-cce";

    /// <summary>The latest carta de correção's PDF.</summary>
    public string CorrectionUrl(string tenantId, Guid noteId) => Link(tenantId, CorrectionPurpose, noteId, "cce");

    /// <summary>Until when an authorized note may be cancelled: its UF's deadline after authorization.</summary>
    public DateTimeOffset? CancellableUntil(NfeRecord note) =>
        note is { Status: NfeStatus.Authorized, AuthorizedAt: { } at } ? at + settings.Value.Cancellation.For(note.Key.Length == 44 ? Uf(note.Key) : "") : null;

    private static string Uf(string key) => Domain.Fiscal.Uf.FromIbgeCode(key[..2]) ?? "";

    public string XmlUrl(string tenantId, Guid noteId) => Link(tenantId, XmlPurpose, noteId, "xml");

    public string DanfeUrl(string tenantId, Guid noteId) => Link(tenantId, DanfePurpose, noteId, "danfe");

    private string Link(string tenantId, string purpose, Guid noteId, string document) =>
        $"{settings.Value.PublicBaseUrl.TrimEnd('/')}/public/invoicing/nfes/{urls.Sign(tenantId, purpose, noteId.ToString())}/{document}";
}
