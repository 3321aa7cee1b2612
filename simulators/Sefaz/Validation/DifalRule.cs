namespace TrayBridge.SefazSimulator.Validation;

/// <summary>
/// nfe.md §2.4: an interstate sale (idDest=2) to a final consumer (indFinal=1) who is not an ICMS contributor
/// (indIEDest=9) needs the ICMSUFDest (DIFAL) group in every item; the first item without it is named in 694.
/// </summary>
public static class DifalRule
{
    public static Status? Check(NfeDocument nfe)
    {
        var ide = nfe.Ide;
        var applies = NfeDocument.Text(ide, "idDest") == "2" && NfeDocument.Text(ide, "indFinal") == "1"
                      && NfeDocument.Text(nfe.Dest, "indIEDest") == "9";
        if (!applies) return null;
        var missing = nfe.Items.FirstOrDefault(d => d.Element(NfeDocument.Ns + "imposto")?.Element(NfeDocument.Ns + "ICMSUFDest") is null);
        return missing is null ? null : Codes.DifalMissing.With((string?)missing.Attribute("nItem") ?? "1");
    }
}
