namespace TrayBridge.SefazSimulator.Validation;

/// <summary>
/// nfe.md §2.4: an interstate sale (idDest=2) to a final consumer (indFinal=1) who is not an ICMS contributor
/// (indIEDest=9) needs the ICMSUFDest (DIFAL) group in every item; the first item without it is named in 694. The rule
/// does not apply to Simples Nacional emitters (CRT 1, and MEI, CRT 4), from whom DIFAL is not due (STF, ADI 5464/5469),
/// unless <paramref name="simplesNeedsGroup"/> plays an authorizer that still asks them for the group (with zero values).
/// </summary>
public static class DifalRule
{
    public static Status? Check(NfeDocument nfe, bool simplesNeedsGroup = false)
    {
        var ide = nfe.Ide;
        var simples = NfeDocument.Text(nfe.Emit, "CRT") is "1" or "4";
        var applies = NfeDocument.Text(ide, "idDest") == "2" && NfeDocument.Text(ide, "indFinal") == "1"
                      && NfeDocument.Text(nfe.Dest, "indIEDest") == "9" && (!simples || simplesNeedsGroup);
        if (!applies) return null;
        var missing = nfe.Items.FirstOrDefault(d => d.Element(NfeDocument.Ns + "imposto")?.Element(NfeDocument.Ns + "ICMSUFDest") is null);
        return missing is null ? null : Codes.DifalMissing.With((string?)missing.Attribute("nItem") ?? "1");
    }
}
