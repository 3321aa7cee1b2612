using Marten;
using TrayBridge.Api.Orders;
using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Features.Marketplaces;

/// <summary>A store's marketplaces: those its imported orders name (<c>Intermediary.Name</c>) and those the merchant set
/// a seller id for, each with the seller id and how many open orders still lack one.</summary>
public static class StoreMarketplacesQuery
{
    public static async Task<IReadOnlyList<StoreMarketplace>> ListAsync(IDocumentStore documents, string tenantId, string storeId,
        CancellationToken cancellationToken)
    {
        await using var session = documents.QuerySession(tenantId);
        var settings = await session.Query<MarketplaceSeller>().Where(s => s.StoreId == storeId)
            .Take(MarketplaceLimits.MaxMarketplaces).ToListAsync(cancellationToken);
        var names = await OrderNamesAsync(session, storeId, cancellationToken);
        var list = new List<StoreMarketplace>();
        foreach (var group in names.Concat(settings.Select(s => s.Name)).GroupBy(NameKey.Of).Take(MarketplaceLimits.MaxMarketplaces))
        {
            var setting = settings.FirstOrDefault(s => NameKey.Of(s.Name) == group.Key);
            var spellings = group.Distinct().ToList();
            var pending = await session.Query<SalesOrder>()
                .Where(o => o.StoreId == storeId && !o.Invoiced && o.Intermediary != null && spellings.Contains(o.Intermediary.Name)
                            && (o.Intermediary.SellerId == null || o.Intermediary.SellerId == ""))
                .CountAsync(cancellationToken);
            list.Add(new StoreMarketplace(setting?.Name ?? Preferred(spellings)!, setting?.SellerId, setting?.UpdatedAt, pending));
        }
        return [.. list.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The spelling to show: mixed case ("Mercado Livre") before shouting ("MERCADO LIVRE"); null for none.</summary>
    public static string? Preferred(IEnumerable<string> spellings) =>
        spellings.OrderBy(n => n == n.ToUpperInvariant()).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>How the store's orders spell <paramref name="marketplace"/> (usually once, as Tray names it).</summary>
    public static async Task<List<string>> NamesAsync(IQuerySession session, string storeId, string marketplace, CancellationToken cancellationToken)
    {
        var key = NameKey.Of(marketplace);
        return [.. (await OrderNamesAsync(session, storeId, cancellationToken)).Where(n => NameKey.Of(n) == key)];
    }

    private static async Task<IReadOnlyList<string>> OrderNamesAsync(IQuerySession session, string storeId, CancellationToken cancellationToken) =>
        await session.Query<SalesOrder>().Where(o => o.StoreId == storeId && o.Intermediary != null)
            .Select(o => o.Intermediary!.Name).Distinct().Take(MarketplaceLimits.MaxMarketplaces * 2).ToListAsync(cancellationToken);
}
