using Marten;
using TrayBridge.Catalog.Domain;
using TrayBridge.Catalog.Features.Products;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Catalog.Features.Stock;

/// <summary>Brings a Tray order's deduction to <paramref name="wanted"/> by changing stock by the difference only; each
/// product changed is published as <c>ProductChanged</c>, so its stores get the new stock like any other change. Stock
/// may go below zero: an oversale to show, not to hide. <c>release</c> gives everything back for good (cancellation).</summary>
public static class StockDeductions
{
    public static async Task ApplyAsync(IDocumentSession session, string storeId, string trayOrderId, IReadOnlyList<DeductedLine> wanted,
        DateTimeOffset now, CancellationToken cancellationToken, bool release = false)
    {
        var id = StockDeduction.IdFor(storeId, trayOrderId);
        var deduction = await session.LoadAsync<StockDeduction>(id, cancellationToken) ?? new StockDeduction { Id = id };
        if (deduction.Released) return;
        if (release) (deduction.Released, wanted) = (true, []);
        var differences = wanted.Select(l => (l.ProductId, l.VariationId, l.Quantity))
            .Concat(deduction.Lines.Select(l => (l.ProductId, l.VariationId, Quantity: -l.Quantity)))
            .GroupBy(l => (l.ProductId, l.VariationId)).Select(g => (g.Key.ProductId, g.Key.VariationId, Quantity: g.Sum(l => l.Quantity)))
            .Where(d => d.Quantity != 0).ToList();
        foreach (var lines in differences.GroupBy(d => d.ProductId))
        {
            if (await session.LoadAsync<Product>(lines.Key, cancellationToken) is not { } product) continue;
            foreach (var (_, variationId, quantity) in lines) Take(product, variationId, quantity);
            product.Version++;
            product.UpdatedAt = now;
            session.Store(product);
            session.AppendIntegrationEvent(product.Id, ProductEvents.Changed(product, session.TenantId, now));
        }
        if (differences.Count == 0 && !release) return;
        deduction.Lines = [.. wanted];
        deduction.At = now;
        session.Store(deduction);
    }

    private static void Take(Product product, Guid? variationId, decimal quantity)
    {
        if (variationId is { } id && product.Variations.FirstOrDefault(v => v.Id == id) is { } variation)
        {
            variation.Stock -= quantity;
            product.Stock = product.Variations.Sum(v => v.Stock);
        }
        else
        {
            product.Stock -= quantity;
        }
    }
}
