using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>The one table that is not per tenant: which tenant a Tray store (<c>seller_id</c>) belongs to. Anonymous
/// webhooks find their tenant here; the primary key makes a Tray store belong to one tenant at most.</summary>
public static class StoreRegistryTable
{
    public const string Name = "store_registry";

    public static StoreOptions AddStoreRegistryTable(this StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{Name}");
        table.AddColumn<string>("tray_store_id").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        table.AddColumn("registered_at", "timestamptz").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }
}
