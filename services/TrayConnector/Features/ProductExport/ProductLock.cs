using Npgsql;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>One writer at a time per product and store, across replicas, while an export (or a price/stock sync) talks to
/// Tray. Two exports of a new version at once would otherwise both create its new variants.</summary>
public static class ProductLock
{
    /// <summary>The lock, or null when another export or sync of this product holds it.</summary>
    public static Task<AdvisoryLock?> TryTakeAsync(NpgsqlDataSource dataSource, string tenantId, string storeId, Guid productId,
        CancellationToken cancellationToken) =>
        AdvisoryLock.TryTakeAsync(dataSource, $"tray-product:{tenantId}:{storeId}:{productId:N}", cancellationToken);
}
