namespace TrayBridge.SefazSimulator.Validation;

/// <summary>Environment, issuer and recipient: 252, 207, 208, 237, 598 (nfe.md §2.5), 696, 232 and 210 (IE per UF).</summary>
public static class PartyRules
{
    public const string HomologationName = "NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL";

    public static Status? Check(NfeDocument nfe, int tpAmb)
    {
        var ide = nfe.Ide;
        if (NfeDocument.Text(ide, "tpAmb") != tpAmb.ToString()) return Codes.EnvironmentDiffers;
        if (NfeDocument.Text(nfe.Emit, "CNPJ") is { } issuer && !Documents.IsValidCnpj(issuer)) return Codes.EmitterCnpjInvalid;
        var dest = nfe.Dest;
        if (dest is null) return null;
        if (NfeDocument.Text(dest, "CNPJ") is { } cnpj && !Documents.IsValidCnpj(cnpj)) return Codes.RecipientCnpjInvalid;
        if (NfeDocument.Text(dest, "CPF") is { } cpf && !Documents.IsValidCpf(cpf)) return Codes.RecipientCpfInvalid;
        if (tpAmb == 2 && NfeDocument.Text(dest, "xNome") != HomologationName) return Codes.HomologationName;
        var indIEDest = NfeDocument.Text(dest, "indIEDest");
        if (indIEDest == "9" && NfeDocument.Text(ide, "indFinal") == "0") return Codes.NonContributorNotFinal;
        var ie = NfeDocument.Text(dest, "IE");
        if (indIEDest == "1" && string.IsNullOrEmpty(ie)) return Codes.RecipientIeMissing;
        var uf = NfeDocument.Text(dest, "enderDest", "UF") ?? "";
        return ie is not null && !StateRegistration.IsValid(uf, ie) ? Codes.RecipientIeInvalid : null;
    }
}
