namespace TrayBridge.Api.Orders;

/// <summary><c>POST /api/orders/sales-orders/{id}/shipment</c>: an invoiced order's dispatch. <see cref="TrackingCode"/> is
/// required; <see cref="ShippedAt"/> is the São Paulo day it left (today when absent). The same data again changes nothing;
/// other data on a shipped order replaces it (a mistyped code is corrected, and Tray gets the new one).</summary>
public sealed record ShipmentRequest(string? Carrier, string? TrackingCode, string? TrackingUrl, DateOnly? ShippedAt);

/// <summary>One order of <c>POST /api/orders/sales-orders/shipments</c>.</summary>
public sealed record BulkShipmentItem(Guid SalesOrderId, string? Carrier, string? TrackingCode, string? TrackingUrl, DateOnly? ShippedAt);

/// <summary><c>POST /api/orders/sales-orders/shipments</c>: 1 to <see cref="ShipmentLimits.MaxBulkItems"/> orders, each
/// answered on its own (<see cref="BulkShipmentResult"/>).</summary>
public sealed record BulkShipmentRequest(List<BulkShipmentItem>? Items);

/// <summary>One order's outcome: <see cref="Outcome"/> is <c>shipped</c>, <c>unchanged</c> (same data as before) or
/// <c>refused</c> with its <see cref="Reason"/>.</summary>
public sealed record BulkShipmentOutcome(Guid SalesOrderId, string Outcome, Reason? Reason, ShipmentData? Shipment);

public sealed record BulkShipmentResult(int Shipped, int Unchanged, int Refused, IReadOnlyList<BulkShipmentOutcome> Items);

/// <summary>A sales order's dispatch as recorded (<see cref="SalesOrderDetail.ShipmentInfo"/>, <see cref="SalesOrderSummary.ShipmentInfo"/>).</summary>
public sealed record ShipmentData(string Carrier, string TrackingCode, string? TrackingUrl, DateOnly ShippedAt, DateTimeOffset RecordedAt);

public static class ShipmentOutcomes
{
    public const string Shipped = "shipped";
    public const string Unchanged = "unchanged";
    public const string Refused = "refused";
}

/// <summary>The shipment's bounds.</summary>
public static class ShipmentLimits
{
    public const int MaxBulkItems = 200;
    public const int MaxCarrierLength = 100;
    /// <summary>Tray's <c>sending_code</c> holds a carrier's code (Correios: 13 characters); anything this long is a mistake.</summary>
    public const int MaxTrackingCodeLength = 60;
    public const int MaxTrackingUrlLength = 500;
    public const int MaxBodyBytes = 4_096;
    public const int MaxBulkBodyBytes = 200_000;
}
