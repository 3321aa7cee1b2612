using System.Globalization;
using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Fiscal;

namespace TrayBridge.Invoicing.Domain.Voiding;

/// <summary>The <c>inutNFe</c> that voids one number of a série (nfe.md §4.6), unsigned (<see cref="Signing.NfeSigner"/>
/// signs its <c>infInut</c>): Id = "ID" + cUF + year (2) + CNPJ + mod + série (3) + first and last nNF (9 + 9).</summary>
public static class InutilizacaoRequest
{
    public const int MinJustification = 15;
    public const int MaxJustification = 255;
    private static readonly XNamespace Nfe = "http://www.portalfiscal.inf.br/nfe";

    public static string Build(Emitter emitter, int series, int number, int year, string justification)
    {
        var text = justification.Trim();
        if (text.Length is < MinJustification or > MaxJustification)
            throw new NfeDataException($"A justificativa (xJust) tem de {MinJustification} a {MaxJustification} caracteres");
        var cUF = Uf.IbgeCode(emitter.Address.Uf);
        var yy = (year % 100).ToString("00", CultureInfo.InvariantCulture);
        var nNF = number.ToString("000000000", CultureInfo.InvariantCulture);
        var id = $"ID{cUF}{yy}{emitter.Cnpj}55{series.ToString("000", CultureInfo.InvariantCulture)}{nNF}{nNF}";
        XElement E(string name, object value) => new(Nfe + name, value);
        var inutNFe = new XElement(Nfe + "inutNFe", new XAttribute("versao", "4.00"),
            new XElement(Nfe + "infInut", new XAttribute("Id", id),
                E("tpAmb", (int)emitter.Environment), E("xServ", "INUTILIZAR"), E("cUF", cUF), E("ano", yy), E("CNPJ", emitter.Cnpj),
                E("mod", "55"), E("serie", series.ToString(CultureInfo.InvariantCulture)), E("nNFIni", number.ToString(CultureInfo.InvariantCulture)),
                E("nNFFin", number.ToString(CultureInfo.InvariantCulture)), E("xJust", text)));
        return inutNFe.ToString(SaveOptions.DisableFormatting);
    }
}
