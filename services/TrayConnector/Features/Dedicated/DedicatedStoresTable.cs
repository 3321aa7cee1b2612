using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Features.Dedicated;

/// <summary>The Tray stores served by a dedicated connector. A dedicated process records its store here when it starts and
/// the row stays until the operator removes it (deleting the Deployment is not enough: see deploy/k8s/README.md), so the
/// shared connectors leave the store alone even while its own process is down — its work waits instead of moving.
/// Keyed by Tray's store id, as the operator names it: every registration of that id is served there.</summary>
public static class DedicatedStoresTable
{
    public const string Name = "dedicated_stores";
    public const string Schema = "tray_connector";

    /// <summary>What a shared connector's runner claims (over <c>due_work d</c>): rows of no dedicated store. Work that
    /// concerns no store (null partition) stays with the shared connectors.</summary>
    public const string SharedPredicate =
        $"not exists (select 1 from {Schema}.{Name} s where s.tray_store_id = d.partition_key)";

    /// <summary>What a dedicated connector's runner claims: its store's rows only (<c>$6</c> = the store id).</summary>
    public const string DedicatedPredicate = "d.partition_key = $6";

    /// <summary>The backlog an autoscaler scales a connector Deployment on (KEDA's PostgreSQL scaler): due rows it would claim.
    /// The manifests carry this text exactly (tests/TrayBridge.Deploy.Tests compares them).</summary>
    public static string BacklogQuery(string? dedicatedStoreId) =>
        $"select count(*) from {Schema}.due_work d where d.status = 'pending' and d.next_attempt_at <= now() and "
        + (dedicatedStoreId is null ? SharedPredicate : DedicatedPredicate.Replace("$6", $"'{dedicatedStoreId}'", StringComparison.Ordinal));

    public static StoreOptions AddDedicatedStoresTable(this StoreOptions options)
    {
        var table = new Table($"{Schema}.{Name}");
        table.AddColumn<string>("tray_store_id").AsPrimaryKey();
        table.AddColumn<string>("instance").NotNull();
        table.AddColumn("declared_at", "timestamptz").NotNull();
        table.AddColumn("last_started_at", "timestamptz").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }
}
