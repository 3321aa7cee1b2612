namespace TrayBridge.ServiceDefaults.Telemetry;

/// <summary>Every metric TrayBridge defines, by its OpenTelemetry name. Prometheus sees dots as underscores and counters
/// with <c>_total</c> (<c>traybridge.tray.calls</c> → <c>traybridge_tray_calls_total</c>). The dashboard and alert rules in
/// <c>deploy/</c> use only these (a deploy test checks it). No tag ever holds a store id, an order or a tenant: with
/// thousands of stores that would be thousands of series per metric; a store is a <c>store_bucket</c> (one of
/// <see cref="StoreBuckets"/>, a stable hash of its registration), which the operator's store list shows.</summary>
public static class MetricNames
{
    /// <summary>The meters: the platform's (every service) and the connector's.</summary>
    public const string PlatformMeter = "TrayBridge.Platform";
    public const string TrayConnectorMeter = "TrayBridge.TrayConnector";

    /// <summary>Stores hashed into this many buckets: bounded series whatever the number of stores.</summary>
    public const int StoreBuckets = 64;

    // Counters (TrayConnector).
    public const string OrdersImported = "traybridge.orders.imported";            // {order}, result = imported | failed
    public const string ProductsExported = "traybridge.products.exported";        // {product}, result = exported | failed
    public const string InvoicesSent = "traybridge.invoices.sent";                // {invoice}, result = sent | refused | retry | gave_up
    public const string TrayCalls = "traybridge.tray.calls";                      // {call}, status_code (or "error"), store_bucket
    public const string TrayBudgetWaits = "traybridge.tray.budget.waits";         // {wait}, outcome = queued | parked, store_bucket
    public const string TrayBudgetWaitSeconds = "traybridge.tray.budget.wait.seconds"; // s, time spent waiting for slots, store_bucket

    // Gauges sampled from PostgreSQL every Telemetry:SampleInterval (TrayConnector).
    public const string TrayStoresFailing = "traybridge.tray.stores.failing";      // {store}, stores whose Tray is failing now
    public const string TrayStoreFailingSeconds = "traybridge.tray.store.failing.seconds"; // s, longest failing store per store_bucket

    // Gauges sampled from PostgreSQL (every service).
    public const string DueWorkBacklog = "traybridge.due_work.backlog";           // {item}, pending items already due, per kind
    public const string DueWorkAgeSeconds = "traybridge.due_work.age.seconds";    // s, how long the oldest due item has waited, per kind
    public const string RelayLagEvents = "traybridge.relay.lag.events";           // {event}, committed events the relay has not published
    public const string RelayLagSeconds = "traybridge.relay.lag.seconds";         // s, age of the oldest unpublished event
}
