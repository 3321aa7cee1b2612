using System.Xml;
using TrayBridge.SefazSimulator.Ledger;
using TrayBridge.SefazSimulator.Settings;
using TrayBridge.SefazSimulator.Validation;

namespace TrayBridge.SefazSimulator.Processing;

/// <summary>
/// One NF-e of a lot whose schema already passed: signature and certificate first, then the key, the parties, the dates,
/// the totals and DIFAL; duplicity last, as the MOC does (an identical resend passes every rule and then meets 204).
/// </summary>
public sealed class NoteProcessor(NoteLedger ledger, SettingsHolder settings)
{
    public NoteRecord Process(string nfeXml, DateTimeOffset received, string? receipt)
    {
        NfeDocument nfe;
        try
        {
            nfe = NfeDocument.Parse(nfeXml);
        }
        catch (XmlException e)
        {
            return Reject(null, Codes.Malformed, received, receipt, null, e.Message);
        }
        var signature = SignatureCheck.Verify(nfe.Dom, nfe.Id);
        var rejection = signature.Rejection
                        ?? CertificateRules.Check(signature.Certificate!, nfe.IssuerDocument, received)
                        ?? KeyRules.Check(nfe)
                        ?? PartyRules.Check(nfe, settings.Current.TpAmb)
                        ?? DateRules.Check(nfe, received)
                        ?? TotalRules.Check(nfe)
                        ?? DifalRule.Check(nfe, settings.Current.SimplesDifalGroupRequired);
        if (rejection is not null) return Reject(nfe, rejection, received, receipt, signature.DigestValue);

        lock (ledger.Sync)
        {
            var slot = Slot(nfe);
            if (ledger.VoidedFor(slot) is not null) return Reject(nfe, Codes.NumberVoided, received, receipt, signature.DigestValue);
            if (ledger.ByKey(nfe.Key) is { } same)
                return Reject(nfe, Codes.Duplicate.With(same.NProt!, Timestamps.Format(same.DhRecbto)), received, receipt, signature.DigestValue);
            if (ledger.ByNumber(slot) is { } other)
                return Reject(nfe, Codes.DuplicateOtherKey.With(other.Key, other.NProt!, Timestamps.Format(other.DhRecbto)),
                    received, receipt, signature.DigestValue);
            var recipient = nfe.Dest is { } dest ? NfeDocument.Text(dest, "CNPJ") ?? NfeDocument.Text(dest, "CPF") : null;
            var status = recipient is not null && settings.Current.IrregularRecipients.Contains(recipient) ? Codes.DeniedRecipient
                : DateRules.IsLate(nfe, received) ? Codes.AuthorizedLate : Codes.Authorized;
            var authorized = Record(nfe, status, received, receipt, signature.DigestValue, ledger.NextProtocol(nfe.Key[..2], received), null)
                with { NfeXml = nfeXml };
            ledger.Record(authorized);
            return authorized;
        }
    }

    private NoteRecord Reject(NfeDocument? nfe, Status status, DateTimeOffset received, string? receipt, string? digVal, string? detail = null)
    {
        var outcome = Record(nfe, status, received, receipt, digVal, null, detail);
        ledger.Record(outcome);
        return outcome;
    }

    private static NoteRecord Record(NfeDocument? nfe, Status status, DateTimeOffset received, string? receipt, string? digVal,
        string? nProt, string? detail) =>
        new(nfe?.Key ?? "", nfe?.IssuerDocument ?? "", nfe?.Model ?? "", nfe?.Serie ?? "", nfe?.Number ?? "", status.Code,
            status.Reason, nProt, digVal, received, receipt, detail);

    private static NumberSlot Slot(NfeDocument nfe) =>
        new(nfe.IssuerDocument, nfe.Model, nfe.Serie.TrimStart('0'), nfe.Number.TrimStart('0'));
}
