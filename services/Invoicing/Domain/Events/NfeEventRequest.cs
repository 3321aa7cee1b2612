using System.Globalization;
using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Fiscal;

namespace TrayBridge.Invoicing.Domain.Events;

/// <summary>The <c>evento</c> of an authorized note (nfe.md §4.8), unsigned (<see cref="Signing.NfeSigner"/> signs its
/// <c>infEvento</c>): Id = "ID" + tpEvento + chNFe + nSeqEvento (2 digits). <see cref="Lot"/> wraps signed events in the
/// <c>envEvento</c> sent to NFeRecepcaoEvento4.</summary>
public static class NfeEventRequest
{
    public const string Cancellation = "110111", Correction = "110110";
    public const int MinJustification = 15, MaxJustification = 255, MinCorrection = 15, MaxCorrection = 1000, MaxCorrections = 20;

    /// <summary>The CC-e's fixed conditions of use (<c>xCondUso</c>), as the schema enumerates them (the form without accents).</summary>
    public const string CorrectionConditions =
        "A Carta de Correcao e disciplinada pelo paragrafo 1o-A do art. 7o do Convenio S/N, de 15 de dezembro de 1970 e pode ser utilizada para "
        + "regularizacao de erro ocorrido na emissao de documento fiscal, desde que o erro nao esteja relacionado com: I - as variaveis que "
        + "determinam o valor do imposto tais como: base de calculo, aliquota, diferenca de preco, quantidade, valor da operacao ou da prestacao; "
        + "II - a correcao de dados cadastrais que implique mudanca do remetente ou do destinatario; III - a data de emissao ou de saida.";

    private static readonly XNamespace Nfe = "http://www.portalfiscal.inf.br/nfe";

    /// <summary>Cancellation (110111, always nSeqEvento 1): the note's authorization protocol and why.</summary>
    public static string Cancel(Emitter emitter, string key, string protocol, string justification, DateTimeOffset at)
    {
        var text = NfeText.Clean(justification, MaxJustification);
        if (text.Length < MinJustification) throw new NfeDataException($"A justificativa (xJust) tem de {MinJustification} a {MaxJustification} caracteres");
        return Build(emitter, key, Cancellation, 1, at, E("descEvento", "Cancelamento"), E("nProt", protocol), E("xJust", text));
    }

    /// <summary>Carta de correção (110110), sequence 1 to 20 per note: each replaces the ones before it.</summary>
    public static string Correct(Emitter emitter, string key, int sequence, string correction, DateTimeOffset at)
    {
        var text = NfeText.Clean(correction, MaxCorrection);
        if (text.Length < MinCorrection) throw new NfeDataException($"A correção (xCorrecao) tem de {MinCorrection} a {MaxCorrection} caracteres");
        if (sequence is < 1 or > MaxCorrections) throw new NfeDataException($"Uma nota aceita no máximo {MaxCorrections} cartas de correção");
        return Build(emitter, key, Correction, sequence, at, E("descEvento", "Carta de Correcao"), E("xCorrecao", text),
            E("xCondUso", CorrectionConditions));
    }

    /// <summary>The lot of one signed event: idLote from the event's instant, unique enough per emitter and never reused.</summary>
    public static string Lot(string signedEvento, DateTimeOffset at)
    {
        var body = signedEvento.StartsWith("<?xml", StringComparison.Ordinal) ? signedEvento[(signedEvento.IndexOf("?>", StringComparison.Ordinal) + 2)..] : signedEvento;
        var idLote = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return $"<envEvento xmlns=\"{Nfe.NamespaceName}\" versao=\"1.00\"><idLote>{idLote}</idLote>{body}</envEvento>";
    }

    private static string Build(Emitter emitter, string key, string type, int sequence, DateTimeOffset at, params XElement[] detail)
    {
        // dhEvento in the emitter UF's clock, as dhEmi (TDateTimeUTC with its offset, no fraction).
        var local = Uf.LocalTime(emitter.Uf, at);
        var evento = new XElement(Nfe + "evento", new XAttribute("versao", "1.00"),
            new XElement(Nfe + "infEvento", new XAttribute("Id", $"ID{type}{key}{sequence:D2}"),
                E("cOrgao", key[..2]), E("tpAmb", (int)emitter.Environment), E("CNPJ", emitter.Cnpj), E("chNFe", key),
                E("dhEvento", local.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)), E("tpEvento", type),
                E("nSeqEvento", sequence.ToString(CultureInfo.InvariantCulture)), E("verEvento", "1.00"),
                new XElement(Nfe + "detEvento", new XAttribute("versao", "1.00"), detail)));
        return evento.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement E(string name, object value) => new(Nfe + name, value);
}
