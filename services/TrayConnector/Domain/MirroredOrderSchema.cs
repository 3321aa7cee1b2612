using System.Linq.Expressions;
using Marten;

namespace TrayBridge.TrayConnector.Domain;

/// <summary>How the mirror is stored so the order list stays fast at 100,000 orders a store (issue 12 §6): the fields the
/// list filters, sorts and counts on are duplicated into columns, and one index per tenant and store, in Tray's order,
/// carries them all. The list's counts (total, each situation) and its page of ids are then index-only scans, never a
/// read of the documents (about 2 KB each); only the page's 50 documents are read. A filter on any of them, the
/// accent-insensitive customer search included (a LIKE on the folded name), is checked inside that index.
/// <para>Marten also gives every duplicated column an index of its own; the store's and the situation's serve the polls
/// and imports, the others are small. Existing rows are filled in by Marten when it adds each column.</para></summary>
public static class MirroredOrderSchema
{
    public const string ListIndex = "mirrored_order_list";

    public static void Configure(StoreOptions options) => options.Schema.For<MirroredOrder>()
        .Duplicate(o => o.StoreId).Duplicate(o => o.TrayOrderId).Duplicate(o => o.Situation).Duplicate(o => o.PlacedDay)
        .Duplicate(o => o.CustomerSearch).Duplicate(o => o.Status).Duplicate(o => o.StatusId).Duplicate(o => o.Origin)
        // The tenant leads: the list always names one, and a store's rows then sit together in the index.
        .StartIndexesByTenantId()
        .Index(new Expression<Func<MirroredOrder, object>>[] { o => o.StoreId, o => o.TrayOrderId }, index =>
        {
            index.Name = ListIndex;
            index.IncludeColumns = ["id", "situation", "placed_day", "customer_search", "status", "status_id", "origin"];
        });
}
