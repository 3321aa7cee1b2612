using System.Text.Json.Serialization;

namespace TrayBridge.SefazSimulator.Ledger;

/// <summary>One NF-e outcome: authorized (100/150, with nProt) or rejected (the code and reason). <see cref="Detail"/>
/// says more than xMotivo does (which schema rule failed, say), for the admin listing only.</summary>
public sealed record NoteRecord(
    string Key,
    string Issuer,
    string Model,
    string Serie,
    string Number,
    int CStat,
    string XMotivo,
    string? NProt,
    string? DigVal,
    DateTimeOffset DhRecbto,
    string? Receipt,
    string? Detail)
{
    public bool Authorized => CStat is 100 or 150;

    /// <summary>Uso denegado (110, 301, 302, 303): registered like an authorization — its key and number are taken.</summary>
    public bool Denied => CStat is 110 or 301 or 302 or 303;

    /// <summary>The signed NF-e as received; kept for authorized notes (nfeProc, not the JSON listing).</summary>
    [JsonIgnore]
    public string? NfeXml { get; init; }

    [JsonIgnore]
    public NumberSlot Slot => new(Issuer, Model, Serie.TrimStart('0'), Number.TrimStart('0'));
}

/// <summary>What 539 compares: the same issuer, model, série and number.</summary>
public readonly record struct NumberSlot(string Issuer, string Model, string Serie, string Number);

/// <summary>An inutilização: numbers <see cref="First"/>..<see cref="Last"/> of a série, voided for good.</summary>
public sealed record VoidedRange(string Issuer, string Model, int Serie, int First, int Last, string NProt, DateTimeOffset DhRecbto)
{
    public bool Covers(NumberSlot slot) =>
        slot.Issuer == Issuer && slot.Model == Model && int.Parse("0" + slot.Serie) == Serie
        && long.Parse("0" + slot.Number) is var n && n >= First && n <= Last;
}
