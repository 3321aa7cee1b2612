using TrayBridge.TraySimulator.Catalog;
using TrayBridge.TraySimulator.Gateway;
using TrayBridge.TraySimulator.Sales;

namespace TrayBridge.TraySimulator.Stores;

/// <summary>One Tray store ("loja") and everything in it. Every read and write of its data holds <see cref="Sync"/>.</summary>
public sealed class Store(string id, bool corporate)
{
    private readonly Dictionary<string, long> _lastIds = [];

    public string Id { get; } = id;
    public bool Corporate { get; } = corporate;
    public StoreStatus Status { get; set; } = StoreStatus.Active;
    public object Sync { get; } = new();
    public RequestLog Log { get; } = new();

    /// <summary>Authorization codes issued for this store, and whether each was already exchanged.</summary>
    public Dictionary<string, bool> Codes { get; } = [];

    public SortedDictionary<long, Product> Products { get; } = [];
    public SortedDictionary<long, Variant> Variants { get; } = [];
    public SortedDictionary<long, Category> Categories { get; } = [];
    public SortedDictionary<long, Brand> Brands { get; } = [];
    public SortedDictionary<long, Customer> Customers { get; } = [];
    public SortedDictionary<long, CustomerAddress> Addresses { get; } = [];
    public SortedDictionary<long, Order> Orders { get; } = [];
    public SortedDictionary<long, OrderStatus> Statuses { get; } = [];
    public SortedDictionary<long, Invoice> Invoices { get; } = [];

    /// <summary>The next id of a kind; kinds start at different numbers so that ids of different resources never look alike.</summary>
    public long NextId(string kind, long first = 1)
    {
        var next = _lastIds.TryGetValue(kind, out var last) ? last + 1 : first;
        _lastIds[kind] = next;
        return next;
    }
}
