namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>What a DANFE prints, read from an authorized nfeProc by <see cref="DanfeNoteReader"/>: values as the XML
/// has them (documents unmasked, amounts as numbers); <see cref="DanfeFormat"/> formats them when drawn.</summary>
/// <param name="Outgoing">tpNF: 1 saída, 0 entrada.</param>
/// <param name="Homologacao">tpAmb 2: printed "SEM VALOR FISCAL".</param>
/// <param name="Totals">total/ICMSTot by element name (vBC, vICMS, vProd, vNF…); an absent one is zero.</param>
/// <param name="FreightMode">transp/modFrete.</param>
public sealed record DanfeNote(
    string Key, int Number, int Series, bool Outgoing, bool Homologacao, string NatureOfOperation,
    DateTimeOffset IssuedAt, DateTimeOffset? LeftAt, string Protocol, DateTimeOffset? AuthorizedAt,
    DanfeParty Emitter, DanfeParty Recipient, IReadOnlyDictionary<string, decimal> Totals,
    string FreightMode, DanfeParty? Carrier, IReadOnlyList<DanfeItem> Items, string AdditionalInfo)
{
    public decimal Total(string name) => Totals.GetValueOrDefault(name);
}

/// <summary>The emitter, the recipient or the carrier: name, CNPJ/CPF, IE and address (the carrier's may be partial).</summary>
public sealed record DanfeParty(
    string Name, string Document, string StateRegistration, string Street, string District, string City, string Uf, string Zip, string Phone);

/// <summary>One det: prod and the ICMS the DANFE shows (CST is orig + CST, or orig + CSOSN).</summary>
public sealed record DanfeItem(
    string Code, string Description, string Ncm, string Cst, string Cfop, string Unit, decimal Quantity, decimal UnitPrice,
    decimal Total, decimal IcmsBase, decimal IcmsValue, decimal IcmsRate);
