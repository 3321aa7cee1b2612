namespace TrayBridge.SefazSimulator.Validation;

/// <summary>The key against itself and against the fields it is made of (nfe.md §1.1): 236, 561, 562, 502.</summary>
public static class KeyRules
{
    public static Status? Check(NfeDocument nfe)
    {
        var key = nfe.Key;
        if (!AccessKey.HasValidCheckDigit(key)) return Codes.KeyCheckDigit;
        var ide = nfe.Ide;
        // AAMM comes from dhEmi as written, in its own offset: 2024-01-31T23:30:00-03:00 is January.
        var dhEmi = NfeDocument.Text(ide, "dhEmi")!;
        var yearMonth = dhEmi.Substring(2, 2) + dhEmi.Substring(5, 2);
        if (AccessKey.YearMonth(key) != yearMonth) return Codes.KeyMonth;
        if (AccessKey.NumericCode(key) != NfeDocument.Text(ide, "cNF")) return Codes.KeyNumericCode.With(key);
        var composed = AccessKey.Compose(NfeDocument.Text(ide, "cUF")!, yearMonth, nfe.IssuerDocument, nfe.Model, nfe.Serie,
            nfe.Number, NfeDocument.Text(ide, "tpEmis")!, NfeDocument.Text(ide, "cNF")!, NfeDocument.Text(ide, "cDV")!);
        return composed == key ? null : Codes.KeyFieldsDiffer;
    }
}
