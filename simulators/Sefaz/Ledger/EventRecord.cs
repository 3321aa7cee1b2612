using System.Text.Json.Serialization;

namespace TrayBridge.SefazSimulator.Ledger;

/// <summary>One event's outcome (NFeRecepcaoEvento4): registered (135/155, with nProt) or rejected. <see cref="Text"/> is
/// the cancellation's xJust or the CC-e's xCorrecao, for the admin listing.</summary>
public sealed record EventRecord(
    string Key, string TpEvento, int NSeqEvento, int CStat, string XMotivo, string? NProt, DateTimeOffset DhRegEvento, string? Text,
    string? Detail)
{
    public bool Registered => CStat is 135 or 136 or 155;

    /// <summary>The signed <c>evento</c> as received; kept for registered events (procEventoNFe).</summary>
    [JsonIgnore]
    public string? EventoXml { get; init; }
}
