namespace TrayBridge.Orders.Domain;

/// <summary>How an invoiced order left: carrier, tracking code and URL, the São Paulo day, and when it was recorded.</summary>
public sealed record SalesOrderDispatch(string Carrier, string TrackingCode, string? TrackingUrl, DateOnly ShippedAt, DateTimeOffset RecordedAt);

public enum ShipChange { Shipped, Unchanged, NotInvoiced, CancelledOnTray }

public sealed partial class SalesOrder
{
    /// <summary>The dispatch the merchant gave (null until then). Not part of <see cref="Status"/>: an order shipped is still
    /// <see cref="SalesOrderStatus.Faturado"/>, the NF-e's state; the dispatch is shown beside it.</summary>
    public SalesOrderDispatch? Dispatch { get; set; }

    /// <summary>Only an invoiced order ships (the NF-e travels with the goods), and not one cancelled on Tray. The same data
    /// again is <see cref="ShipChange.Unchanged"/>; other data replaces it — a mistyped code or a re-labelled parcel is
    /// corrected, never a second dispatch.</summary>
    public ShipChange Ship(string carrier, string trackingCode, string? trackingUrl, DateOnly shippedAt, DateTimeOffset now)
    {
        if (!Invoiced) return ShipChange.NotInvoiced;
        if (CancelledOnTray) return ShipChange.CancelledOnTray;
        if (Dispatch is { } d && d.Carrier == carrier && d.TrackingCode == trackingCode && d.TrackingUrl == trackingUrl && d.ShippedAt == shippedAt)
            return ShipChange.Unchanged;
        Dispatch = new SalesOrderDispatch(carrier, trackingCode, trackingUrl, shippedAt, now);
        return ShipChange.Shipped;
    }
}
