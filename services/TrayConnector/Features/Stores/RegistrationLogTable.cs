using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>Who registered, re-authorised or removed which store, and how it ended: the tenant reads its own lines
/// (<c>GET /api/stores/registrations</c>) and the registration limit counts them. Lines older than
/// <c>Retention:RegistrationLog</c> (90 days) are dropped as new ones come, so a tenant's lines are bounded by the limit, and by the
/// retention sweep for tenants who never come back.</summary>
public static class RegistrationLogTable
{
    public const string Name = "store_registration_log";

    public static StoreOptions AddRegistrationLogTable(this StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{Name}");
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        table.AddColumn<string>("user_sub").NotNull();
        table.AddColumn<string>("action").NotNull();
        table.AddColumn<string>("tray_store_id").NotNull();
        table.AddColumn<string>("api_host").NotNull();
        table.AddColumn<string>("outcome").NotNull();
        table.AddColumn("at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("store_registration_log_tenant_at") { Columns = ["tenant_id", "at"] });
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }
}
