using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>The one table that is not per tenant: which tenant registered a Tray store (<c>seller_id</c>) at which API
/// host. Anonymous webhooks find their tenants here. A store id alone proves nothing (any https host can answer
/// <c>store_id=&lt;yours&gt;</c>), so the key is (API host, store id): a host answering another store's id gets a
/// registration of its own, never the real one. Within a tenant a store id stays unique (its API keeps
/// <c>/stores/{storeId}</c>).</summary>
public static class StoreRegistryTable
{
    public const string Name = "store_registry";

    public static StoreOptions AddStoreRegistryTable(this StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{Name}");
        // Rows kept before the host was part of the key start empty and are filled at start-up (StoreRegistry.BackfillHostsAsync).
        table.AddColumn<string>("api_host").AsPrimaryKey().DefaultValueByString("");
        table.AddColumn<string>("tray_store_id").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        table.AddColumn("registered_at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("store_registry_tenant_store") { Columns = ["tenant_id", "tray_store_id"], IsUnique = true });
        // Webhooks fan out by seller_id alone.
        table.Indexes.Add(new IndexDefinition("store_registry_store") { Columns = ["tray_store_id"] });
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }
}
