namespace TrayBridge.Orders.Features.Import;

/// <summary>Why a Tray order could not become a sales order, kept for inspection until a later import succeeds.</summary>
public sealed class ImportFailure
{
    public required string Id { get; set; }
    public required string StoreId { get; set; }
    public required string TrayOrderId { get; set; }
    public required string Reason { get; set; }
    /// <summary>The reason's stable code (<c>ImportReasonCodes</c>); null on failures recorded before codes existed.</summary>
    public string? ReasonCode { get; set; }
    public decimal? TrayTotal { get; set; }
    public decimal? CalculatedTotal { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset LastAttemptAt { get; set; }

    public static string IdFor(string storeId, string trayOrderId) => $"{storeId}:{trayOrderId}";
}
