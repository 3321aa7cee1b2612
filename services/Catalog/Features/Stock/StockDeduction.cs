namespace TrayBridge.Catalog.Features.Stock;

/// <summary>What a Tray order has taken from ERP stock, keyed by the Tray order: a second <c>OrderImported</c> for it
/// (redelivery) takes nothing more, a divergent order imported again takes only the difference, and a cancellation
/// gives it all back.</summary>
public sealed class StockDeduction
{
    public required string Id { get; set; }
    public List<DeductedLine> Lines { get; set; } = [];
    /// <summary>Given back for good (the order was cancelled): a late copy of its import takes nothing again.</summary>
    public bool Released { get; set; }
    public DateTimeOffset At { get; set; }

    public static string IdFor(string storeId, string trayOrderId) => $"{storeId}:{trayOrderId}";
}

public sealed record DeductedLine(Guid ProductId, Guid? VariationId, decimal Quantity);
