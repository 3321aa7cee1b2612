using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.ServiceDefaults.DueWork;

/// <summary>The <c>due_work</c> table in the service's schema, created and migrated by Marten with the documents.
/// Rows are never deleted by the runner: done and failed rows stay inspectable (a failed row is re-driven by setting it
/// back to pending) until the retention sweep drops them (<c>Retention:DueWorkDone</c>, <c>Retention:DueWorkFailed</c>).</summary>
public static class DueWorkTable
{
    public static StoreOptions AddDueWorkTable(this StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.due_work");
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        table.AddColumn<string>("kind").NotNull();
        table.AddColumn("payload", "jsonb").NotNull();
        table.AddColumn<string>("status").NotNull().DefaultValueByString("pending");
        table.AddColumn("next_attempt_at", "timestamptz").NotNull();
        table.AddColumn("leased_until", "timestamptz");
        table.AddColumn<int>("attempts").NotNull().DefaultValue(0);
        table.AddColumn<string>("last_error");
        table.AddColumn("created_at", "timestamptz").NotNull();
        table.AddColumn("finished_at", "timestamptz");
        // What the runner shares its slots fairly among inside a tenant (null: the tenant itself), and what keeps items in
        // order (null: no order). Nullable, so rows written before they existed stay valid.
        table.AddColumn<string>("partition_key");
        table.AddColumn<string>("ordering_key");
        // The W3C traceparent of the request or message that scheduled the row (DueWorkTelemetry); null for the others.
        table.AddColumn<string>("trace_parent");
        table.Indexes.Add(new IndexDefinition("due_work_pending") { Columns = ["next_attempt_at"], Predicate = "status = 'pending'" });
        table.Indexes.Add(new IndexDefinition("due_work_leased") { Columns = ["leased_until"], Predicate = "status = 'pending' and leased_until is not null" });
        table.Indexes.Add(new IndexDefinition("due_work_ordered") { Columns = ["tenant_id", "ordering_key", "created_at"], Predicate = "status = 'pending' and ordering_key is not null" });
        table.Indexes.Add(new IndexDefinition("due_work_finished") { Columns = ["finished_at"], Predicate = "status <> 'pending'" });
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }
}
