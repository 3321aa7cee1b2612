using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Features.Operations;

/// <summary>The platform operation's settings per registration, (API host, Tray store id), and its audit. Not per tenant:
/// they are about the Tray store and its contract, so they outlive a tenant removing and registering the store again (a
/// disabled store cannot be re-enabled that way, and its plan stays). One row per store the operation ever touched.</summary>
public static class StoreOperationsTable
{
    public const string Name = "store_operations";
    public const string Log = "store_operation_log";

    public static StoreOptions AddStoreOperationsTables(this StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{Name}");
        table.AddColumn<string>("api_host").AsPrimaryKey();
        table.AddColumn<string>("tray_store_id").AsPrimaryKey();
        table.AddColumn("disabled_at", "timestamptz");
        table.AddColumn<string>("disabled_by");
        table.AddColumn<string>("disabled_reason");
        // Null: the plan the store was registered with (Tray:Budget:CorporateStores or the standard 10,000).
        table.AddColumn<int>("daily_calls");
        options.Storage.ExtendedSchemaObjects.Add(table);

        var log = new Table($"{schema}.{Log}");
        log.AddColumn<Guid>("id").AsPrimaryKey();
        log.AddColumn("at", "timestamptz").NotNull();
        log.AddColumn<string>("tenant_id").NotNull();
        log.AddColumn<string>("api_host").NotNull();
        log.AddColumn<string>("tray_store_id").NotNull();
        log.AddColumn<string>("action").NotNull();
        log.AddColumn<string>("user_sub").NotNull();
        log.AddColumn<string>("description").NotNull();
        log.Indexes.Add(new IndexDefinition("store_operation_log_at") { Columns = ["at"] });
        log.Indexes.Add(new IndexDefinition("store_operation_log_store") { Columns = ["api_host", "tray_store_id", "at"] });
        options.Storage.ExtendedSchemaObjects.Add(log);
        return options;
    }
}
