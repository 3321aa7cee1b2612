using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Telemetry;
using TrayBridge.TrayConnector.Tray.Health;
using TrayBridge.TrayConnector.Tray.Budget;

namespace TrayBridge.TrayConnector.Tray;

/// <summary>The connector's metrics (names in <see cref="MetricNames"/>): what it did for the merchants, what Tray
/// answered, and which stores are failing. A store is only ever a <c>store_bucket</c>: see <see cref="BucketOf"/>.</summary>
public sealed class TrayMetrics : IMetricsSample
{
    private readonly Counter<long> _orders, _products, _invoices, _calls, _waits;
    private readonly Counter<double> _waited;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ServiceStore _store;
    // Longest failing store per bucket; a bucket once seen stays, at zero, so its series ends when its stores recover.
    private readonly ConcurrentDictionary<string, double> _failingSeconds = new();
    private int _failing;

    public TrayMetrics(IMeterFactory meters, NpgsqlDataSource dataSource, ServiceStore store)
    {
        (_dataSource, _store) = (dataSource, store);
        var meter = meters.Create(MetricNames.TrayConnectorMeter);
        _orders = meter.CreateCounter<long>(MetricNames.OrdersImported, "{order}", "Tray orders the Orders service made a sales order of (or refused)");
        _products = meter.CreateCounter<long>(MetricNames.ProductsExported, "{product}", "Product exports to a Tray store, per result");
        _invoices = meter.CreateCounter<long>(MetricNames.InvoicesSent, "{invoice}", "NF-e deliveries to Tray orders, per result");
        _calls = meter.CreateCounter<long>(MetricNames.TrayCalls, "{call}", "Calls sent to Tray (every attempt), per status code and store bucket");
        _waits = meter.CreateCounter<long>(MetricNames.TrayBudgetWaits, "{wait}", "Calls that waited for the store's Tray budget (queued) or were parked until it");
        _waited = meter.CreateCounter<double>(MetricNames.TrayBudgetWaitSeconds, "s", "Time calls spent waiting for their budget slot");
        meter.CreateObservableGauge(MetricNames.TrayStoresFailing, () => _failing, "{store}", "Stores whose Tray is failing now");
        meter.CreateObservableGauge(MetricNames.TrayStoreFailingSeconds,
            () => _failingSeconds.Select(b => new Measurement<double>(b.Value, new KeyValuePair<string, object?>("store_bucket", b.Key))),
            "s", "How long the longest-failing store of each bucket has been failing");
    }

    /// <summary>A registration's bucket, "00"–"63": a stable hash of (API host, store id), the same on every replica and
    /// release, so a bucket's history means the same stores. 64 series per status code whatever the number of stores.</summary>
    public static string BucketOf(string storeHost, string storeId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{storeHost}/{storeId}"), hash);
        return (BitConverter.ToUInt32(hash) % MetricNames.StoreBuckets).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    public void OrderImported(string result) => _orders.Add(1, new KeyValuePair<string, object?>("result", result));
    public void ProductExported(string result) => _products.Add(1, new KeyValuePair<string, object?>("result", result));
    public void InvoiceSent(string result) => _invoices.Add(1, new KeyValuePair<string, object?>("result", result));

    public void TrayCall(string bucket, int? statusCode) =>
        _calls.Add(1, new("status_code", statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error"), new("store_bucket", bucket));

    public void BudgetWait(string bucket, string outcome, TimeSpan waited)
    {
        _waits.Add(1, new("outcome", outcome), new("store_bucket", bucket));
        if (waited > TimeSpan.Zero) _waited.Add(waited.TotalSeconds, new KeyValuePair<string, object?>("store_bucket", bucket));
    }

    /// <summary>Failing stores from the store-health table: one row per failing store only, so the read is as small as the trouble.</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"select api_host, store_id, extract(epoch from now() - failing_since)::float8 from {_store.Schema}.{StoreHealthTable.Name}");
        var buckets = new Dictionary<string, double>();
        var failing = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                failing++;
                var bucket = BucketOf(reader.GetString(0), reader.GetString(1));
                buckets[bucket] = Math.Max(buckets.GetValueOrDefault(bucket), Math.Max(0, reader.GetDouble(2)));
            }
        foreach (var bucket in _failingSeconds.Keys.Union(buckets.Keys)) _failingSeconds[bucket] = buckets.GetValueOrDefault(bucket);
        _failing = failing;
    }
}
