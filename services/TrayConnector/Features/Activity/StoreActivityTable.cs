using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Features.Activity;

/// <summary>The connector's activity log per store (<see cref="StoreActivityLog"/> writes, <see cref="StoreActivity"/> reads).
/// A plain table beside the documents: lines are written in the same transaction as the state they describe, read by
/// store and time, and dropped by the retention sweep after <c>Retention:StoreActivity</c> (30 days).</summary>
public static class StoreActivityTable
{
    public const string Name = "store_activity";

    public static StoreOptions AddStoreActivityTable(this StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{Name}");
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        table.AddColumn<string>("store_id").NotNull();
        table.AddColumn("at", "timestamptz").NotNull();
        table.AddColumn("last_at", "timestamptz").NotNull();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn<string>("result").NotNull();
        table.AddColumn<string>("subject_type");
        table.AddColumn<string>("subject_id");
        table.AddColumn<string>("tray_id");
        table.AddColumn<string>("reason");
        table.AddColumn<int>("count").NotNull().DefaultValue(1);
        table.AddColumn<string>("trace_id");
        table.AddColumn<string>("span_id");
        // The screen's order (newest first, id breaking ties) within a store, and the sweep's by age.
        table.Indexes.Add(new IndexDefinition("store_activity_store_at") { Columns = ["tenant_id", "store_id", "at", "id"] });
        table.Indexes.Add(new IndexDefinition("store_activity_at") { Columns = ["at"] });
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }
}
