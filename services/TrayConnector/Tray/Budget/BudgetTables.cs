using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.TrayConnector.Tray.Budget;

/// <summary>Per-window pacing (one "next free slot" per store, or for the app) and per-day counters per store, shared by
/// every connector replica. A store is a registration, (API host, store id).</summary>
public static class BudgetTables
{
    public const string Pacing = "tray_pacing";
    public const string Daily = "tray_daily_use";

    public static StoreOptions AddBudgetTables(this StoreOptions options, string schema)
    {
        var pacing = new Table($"{schema}.{Pacing}");
        pacing.AddColumn<string>("scope").AsPrimaryKey();
        pacing.AddColumn("next_slot", "timestamptz").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(pacing);

        var daily = new Table($"{schema}.{Daily}");
        // The registration's host (StoreHost) leads the key; rows counted before it was (one day's at most) stay under "".
        daily.AddColumn<string>("api_host").AsPrimaryKey().DefaultValueByString("");
        daily.AddColumn<string>("store_id").AsPrimaryKey();
        daily.AddColumn("day", "date").AsPrimaryKey();
        daily.AddColumn<int>("used").NotNull().DefaultValue(0);
        options.Storage.ExtendedSchemaObjects.Add(daily);
        return options;
    }
}
