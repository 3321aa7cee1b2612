using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>Who is asking Tray, most important first. A class may use the day's budget only up to its ceiling, so the
/// lower classes can never eat the share kept for invoices and status updates.</summary>
public enum TrayPriority
{
    InvoiceAndStatus = 0,
    ManualImport = 1,
    WebhookReread = 2,
    PriceStockSync = 3,
    Polling = 4,
}

public static class TrayPriorityCeilings
{
    /// <summary>The share of the daily budget a class may have used before it must wait for the next day.</summary>
    public static double DailyCeiling(this TrayPriority priority) => priority switch
    {
        TrayPriority.InvoiceAndStatus => 1.00,
        TrayPriority.ManualImport => 0.95,
        TrayPriority.WebhookReread => 0.90,
        TrayPriority.PriceStockSync => 0.85,
        _ => 0.75,
    };
}
