using Marten;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Tray;
using TrayBridge.TrayConnector.Tray.Budget;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>Creates a product on Tray under a "creating" claim committed first: a second replica finds the claim and waits
/// instead of creating the product too. A lost answer is reconciled by reference before posting again.</summary>
public sealed class TrayProductCreation(IDocumentStore documents, TrayApiClient tray, TrayProductLookup lookup, TimeProvider time)
{
    public async Task<string> CreateAsync(ProductToExport request, ProductLink link, bool stored, object body,
        CancellationToken cancellationToken)
    {
        await ClaimAsync(request, link, stored, cancellationToken);
        try
        {
            return await tray.CreateAsync(request.TenantId, request.StoreId, "products", body,
                async token => (await lookup.FindAsync(request.TenantId, request.StoreId, request.Sku, null, token)).TrayProductId,
                TrayPriority.PriceStockSync, cancellationToken);
        }
        catch
        {
            // Whether or not Tray kept it, the next attempt looks it up by reference before creating: release the claim.
            await using var release = documents.LightweightSession(request.TenantId);
            release.Delete<ProductLink>(link.Id);
            await release.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task ClaimAsync(ProductToExport request, ProductLink link, bool stored, CancellationToken cancellationToken)
    {
        await using var claim = documents.LightweightSession(request.TenantId);
        link.State = LinkState.Creating;
        link.UpdatedAt = time.GetUtcNow();
        // A link already stored is an abandoned claim being taken over, or a broken link being recreated on the user's word.
        if (stored) claim.Store(link);
        else claim.Insert(link);
        try
        {
            await claim.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (PostgresErrors.IsUniqueViolation(e) || e is JasperFx.DocumentAlreadyExistsException)
        {
            throw new ExportBusyException();
        }
    }
}
