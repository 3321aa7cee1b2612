using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Tray.Health;

/// <summary>One row per registration (API host, store id) whose Tray is failing (none for a healthy store), shared by every
/// connector replica. The host is part of the key: a fake registration of a real store's id (issue 11) whose host is dead
/// must not make the real store's work back off.</summary>
public static class StoreHealthTable
{
    public const string Name = "tray_store_health";

    public static StoreOptions AddStoreHealthTable(this StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{Name}");
        table.AddColumn<string>("api_host").AsPrimaryKey().DefaultValueByString("");
        table.AddColumn<string>("store_id").AsPrimaryKey();
        table.AddColumn("failing_since", "timestamptz").NotNull();
        table.AddColumn<int>("failures").NotNull();
        table.AddColumn("retry_at", "timestamptz").NotNull();
        table.AddColumn<string>("last_error").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }
}
