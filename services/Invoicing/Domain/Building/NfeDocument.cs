using TrayBridge.Invoicing.Domain.Keys;

namespace TrayBridge.Invoicing.Domain.Building;

/// <summary>A built, not yet signed NF-e: the compact XML (no whitespace between tags, no declaration) and what the
/// store and Tray are told about it (nfe.md §4.5).</summary>
/// <param name="IssuedAt">dhEmi as written, in the emitter UF's offset.</param>
/// <param name="Total">vNF.</param>
/// <param name="Cfops">Each line's CFOP by <c>nItem</c>, for Tray's ProductCfop.</param>
public sealed record NfeDocument(
    AccessKey Key, int Series, int Number, DateTimeOffset IssuedAt, decimal Total, IReadOnlyDictionary<int, string> Cfops, string Xml);
