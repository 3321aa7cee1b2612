using System.Linq.Expressions;
using Marten;
using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Features.SalesOrders;

/// <summary>How sales orders are stored so Pedidos de venda stays fast at 100,000 orders a tenant (issue 12 §6): what the
/// list filters, sorts and counts on is duplicated into columns, and one index per tenant, newest first, carries it all.
/// The situation cards and the total are index-only scans that never read the documents (about 1.7 KB each), a store or
/// a customer name (folded in SQL) is checked inside the index, and only a page of documents is read (a day range reads
/// the documents of that range only). Marten gives every
/// duplicated column an index of its own too (the store's serves the marketplace fills) and fills existing rows when it
/// adds a column.</summary>
public static class SalesOrderSchema
{
    public const string ListIndex = "sales_order_list";

    /// <summary>The duplicated customer name, for <see cref="Search.NameSearch"/>.</summary>
    public const string CustomerNameColumn = "d.customer_name";

    public static void Configure(StoreOptions options) => options.Schema.For<SalesOrder>()
        // A correction and a change from Tray arriving together must not lose one another.
        .UseOptimisticConcurrency(true)
        // Not PlacedAt: a duplicated DateTimeOffset is written as timestamptz, which Npgsql takes in UTC only, and Tray's
        // are São Paulo times. The index computes it from the document, as the list's LINQ does, so it still sorts the list.
        .Duplicate(o => o.StoreId).Duplicate(o => o.Status).Duplicate(o => o.Customer.Name)
        // The tenant leads: the list always names one, with or without a store.
        .StartIndexesByTenantId()
        .Index(new Expression<Func<SalesOrder, object>>[] { o => o.PlacedAt }, index =>
        {
            index.Name = ListIndex;
            index.IncludeColumns = ["id", "store_id", "status", "customer_name"];
        });
}
