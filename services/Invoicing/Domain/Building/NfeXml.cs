using System.Xml.Linq;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>Elements in the NF-e namespace, unprefixed (a prefix is rejected with 404). Null content is skipped, so
/// optional fields are written as <c>value is null ? null : E(...)</c>.</summary>
internal static class NfeXml
{
    public static readonly XNamespace Ns = "http://www.portalfiscal.inf.br/nfe";

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>An optional element, absent when its text is null or empty.</summary>
    public static XElement? Opt(string name, string? value) => string.IsNullOrEmpty(value) ? null : E(name, value);

    /// <summary>An optional money element (<c>TDec_1302Opc</c> has no zero), absent when zero.</summary>
    public static XElement? OptMoney(string name, decimal value) => value == 0 ? null : E(name, Fiscal.NfeFormat.Money(value));
}
