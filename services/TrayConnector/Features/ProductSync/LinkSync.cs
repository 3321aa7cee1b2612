using System.Net;
using Marten;
using TrayBridge.TrayConnector.Features.Orders;
using TrayBridge.TrayConnector.Features.ProductExport;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Tray.Json;
using TrayBridge.TrayConnector.Domain;
using TrayBridge.TrayConnector.Features.Orders.Mirror;

namespace TrayBridge.TrayConnector.Features.ProductSync;

/// <summary>Sends the wanted price/stock to one store: the product, then each linked variant whose price or stock differs
/// from what Tray was last sent (tray-api.md §3.7: a variant's stock is written on the variant). Variations not on Tray
/// yet wait for the next export, which creates them. Stock is sent less what the store's not-yet-imported orders hold
/// (<see cref="StockReservations"/>): Tray counted those already, the ERP not yet.</summary>
public sealed class LinkSync(TrayApiClient tray)
{
    public async Task SendAsync(IQuerySession session, string tenantId, ProductLink link, ProductSyncState wanted, CancellationToken cancellationToken)
    {
        var reserved = await StockReservations.OfProductAsync(session, link.StoreId, link.TrayProductId!, cancellationToken);
        (await tray.SendAsync(tenantId, link.StoreId, HttpMethod.Put, $"products/{link.TrayProductId}",
            ProductBody(wanted, reserved.StockForTray(wanted.Stock)), TrayPriority.PriceStockSync, cancellationToken)).Dispose();
        foreach (var variant in link.Variants)
        {
            if (wanted.Variations.Find(v => v.VariationId == variant.VariationId) is not { } erp) continue;
            var want = erp with { Stock = reserved.StockForTray(erp.Stock, variant.TrayVariantId) };
            if ((want.Price, want.PromotionalPrice, want.Stock) == (variant.SentPrice, variant.SentPromotionalPrice, variant.SentStock)) continue;
            try
            {
                (await tray.SendAsync(tenantId, link.StoreId, HttpMethod.Put, $"products/variants/{variant.TrayVariantId}", VariantBody(want),
                    TrayPriority.PriceStockSync, cancellationToken)).Dispose();
                (variant.SentPrice, variant.SentPromotionalPrice, variant.SentStock) = (want.Price, want.PromotionalPrice, want.Stock);
            }
            // Deleted on Tray: the next export makes it again; the product and the other variants still get their values.
            catch (TrayApiException e) when (e.Status == HttpStatusCode.NotFound) { }
        }
        link.SyncedVersion = wanted.DesiredVersion;
    }

    private static Dictionary<string, object> ProductBody(ProductSyncState wanted, decimal stock) => TrayJson.Envelope("Product", new
    {
        price = wanted.Price, promotional_price = wanted.PromotionalPrice ?? 0, stock, available = wanted.Available ? 1 : 0,
    });

    private static Dictionary<string, object> VariantBody(VariationWanted wanted) => TrayJson.Envelope("Variant", new
    {
        price = wanted.Price, promotional_price = wanted.PromotionalPrice ?? 0, stock = wanted.Stock,
    });
}
