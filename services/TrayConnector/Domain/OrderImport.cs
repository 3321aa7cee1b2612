namespace TrayBridge.TrayConnector.Domain;

/// <summary>One "Importar" click: which orders it asked for, so its progress can be shown again after a reload. Where each
/// order stands is not copied here: it is read from the mirror, the one place an import's outcome is recorded.</summary>
public sealed class OrderImport
{
    public Guid Id { get; set; }
    public required string StoreId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<string> TrayOrderIds { get; set; } = [];
    /// <summary>Already imported or being imported when asked: not scheduled again, shown as they stand.</summary>
    public List<string> Skipped { get; set; } = [];
}
