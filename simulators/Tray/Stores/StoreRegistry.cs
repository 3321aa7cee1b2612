using System.Collections.Concurrent;
using System.Globalization;
using TrayBridge.TraySimulator.Sales;

namespace TrayBridge.TraySimulator.Stores;

/// <summary>Every store the simulator hosts, by its numeric id.</summary>
public sealed class StoreRegistry
{
    private readonly ConcurrentDictionary<string, Store> _stores = new();
    // Generated ids start away from DEV21's sample store 391250, which setups like to ask for by number.
    private int _lastGenerated = 600_000;

    public Store? Find(string storeId) => _stores.GetValueOrDefault(storeId);

    public Store Create(string? storeId, bool corporate)
    {
        if (storeId is not null && !long.TryParse(storeId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new ArgumentException("A Tray store id is numeric.");
        while (true)
        {
            var id = storeId ?? Interlocked.Increment(ref _lastGenerated).ToString(CultureInfo.InvariantCulture);
            var store = new Store(id, corporate);
            OrderStatus.AddDefaults(store);
            if (_stores.TryAdd(id, store)) return store;
            // A generated id may have been taken by an explicit one: try the next.
            if (storeId is not null) throw new InvalidOperationException($"Store {id} already exists.");
        }
    }

    public IEnumerable<Store> All => _stores.Values;
}
