using System.Globalization;
using System.Xml.Linq;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Fiscal;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Domain.Taxes;
using static TrayBridge.Invoicing.Domain.Building.NfeXml;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary><c>emit</c> and <c>dest</c>.</summary>
internal static class PartiesSection
{
    /// <summary>SEFAZ rejects a homologação note whose recipient has any other name (598).</summary>
    public const string HomologacaoName = "NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL";

    public static XElement Emit(Emitter emitter) =>
        E("emit",
            E("CNPJ", emitter.Cnpj),
            E("xNome", NfeText.Clean(emitter.Name, 60)),
            Opt("xFant", NfeText.Clean(emitter.TradeName, 60)),
            Address("enderEmit", emitter.Address),
            E("IE", emitter.StateRegistration),
            E("CRT", ((int)emitter.Crt).ToString(CultureInfo.InvariantCulture)));

    public static XElement Dest(NfeRecipient recipient, Operation operation, NfeEnvironment environment) =>
        E("dest",
            E(recipient.IsCompany ? "CNPJ" : "CPF", recipient.Document),
            E("xNome", environment == NfeEnvironment.Homologacao ? HomologacaoName : NfeText.Clean(recipient.Name, 60)),
            Address("enderDest", recipient.Address),
            E("indIEDest", ((int)operation.RecipientIe).ToString(CultureInfo.InvariantCulture)),
            operation.Contributor ? E("IE", Digits.Only(recipient.StateRegistration)) : null,
            Opt("email", Email(recipient.Email)));

    // TEnderEmi and TEndereco share this order; the country is always Brasil.
    private static XElement Address(string name, NfeAddress address) =>
        E(name,
            E("xLgr", NfeText.Clean(address.Street, 60)),
            E("nro", NfeText.Clean(address.Number, 60) is { Length: > 0 } number ? number : "S/N"),
            Opt("xCpl", NfeText.Clean(address.Complement, 60)),
            E("xBairro", NfeText.Clean(address.District, 60)),
            E("cMun", address.CityCode),
            E("xMun", NfeText.Clean(address.CityName, 60)),
            E("UF", address.Uf),
            E("CEP", Digits.Only(address.ZipCode)),
            E("cPais", "1058"),
            E("xPais", "BRASIL"),
            Opt("fone", Digits.Only(address.Phone) is { Length: >= 6 and <= 14 } phone ? phone : null));

    // The e-mail is optional: one that does not look like an address is left out rather than refusing the note.
    private static string? Email(string? email)
    {
        var text = NfeText.Clean(email, 61);
        return text.Length is >= 6 and <= 60 && text.Contains('@') && !text.Contains(' ') ? text : null;
    }
}
