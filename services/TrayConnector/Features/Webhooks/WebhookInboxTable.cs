using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Features.Webhooks;

/// <summary>Every notification Tray (or anyone) posts, kept for inspection. Identical notifications that are still
/// waiting (or ignored) collapse into one row with a counter, as Tray advises; once processed, a new one starts a row. Processed rows, and counters nothing has added to, go after
/// <c>Retention:WebhookInbox</c>; a pending row stays however old.</summary>
public static class WebhookInboxTable
{
    public const string Name = "webhook_inbox";

    public static StoreOptions AddWebhookInboxTable(this StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{Name}");
        table.AddColumn<Guid>("id").AsPrimaryKey();
        // Which registration (API host, seller_id) a kept notification is for: one notification is kept once per registration
        // of its seller_id. Counted rows, and rows kept before the host was recorded, have it empty.
        table.AddColumn<string>("api_host").NotNull().DefaultValueByString("");
        foreach (var column in new[] { "seller_id", "scope_name", "scope_id", "act" })
            table.AddColumn<string>(column).NotNull();
        table.AddColumn<string>("app_code");
        table.AddColumn<string>("tenant_id");
        table.AddColumn<string>("status").NotNull();
        table.AddColumn<string>("reason");
        table.AddColumn<int>("received_count").NotNull().DefaultValue(1);
        table.AddColumn("first_received_at", "timestamptz").NotNull();
        table.AddColumn("last_received_at", "timestamptz").NotNull();
        table.AddColumn("processed_at", "timestamptz");
        table.Indexes.Add(new IndexDefinition("webhook_inbox_open")
        {
            Columns = ["api_host", "seller_id", "scope_name", "scope_id", "act", "status"], IsUnique = true, Predicate = "status <> 'processed'",
        });
        // What the re-read cap counts (a registration's rows processed in the last minute, WebhookReread): not in the open index.
        table.Indexes.Add(new IndexDefinition("webhook_inbox_processed")
        {
            Columns = ["api_host", "seller_id", "processed_at"], Predicate = "status = 'processed'",
        });
        // What the retention sweep looks for (Retention:WebhookInbox).
        table.Indexes.Add(new IndexDefinition("webhook_inbox_processed_at") { Columns = ["processed_at"], Predicate = "status = 'processed'" });
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }
}
