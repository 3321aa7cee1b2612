using Marten;
using MassTransit;
using TrayBridge.Contracts.Catalog;
using TrayBridge.Contracts.Orders;
using TrayBridge.Contracts.TrayConnector;
using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Features.Customers;
using TrayBridge.Orders.Features.Marketplaces;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Orders.Features.Import;

/// <summary>Makes exactly one sales order of a fetched Tray order. The products come from the Catalog (found or created
/// there, idempotently); the customer is upserted; the order, the customer and <c>OrderImported</c> commit together.
/// A second copy — redelivery, a double import, another replica — finds the order's derived id taken and stops;
/// a divergent order is rebuilt from Tray's new content under the same id.</summary>
public sealed class TrayOrderFetchedConsumer(IDocumentStore documents, IRequestClient<EnsureProducts> catalog, IbgeCities cities,
    MarketplaceIntermediaries intermediaries, TimeProvider time, ILogger<TrayOrderFetchedConsumer> logger) : IConsumer<TrayOrderFetched>
{
    public async Task Consume(ConsumeContext<TrayOrderFetched> context)
    {
        var order = context.Message;
        var id = SalesOrderIds.For(order.TenantId, order.StoreId, order.TrayOrderId);
        await using var session = documents.LightweightSession(order.TenantId);
        var existing = await session.LoadAsync<SalesOrder>(id, context.CancellationToken);
        if (existing is not null && !Replaces(existing, order)) return;

        var products = order.Items.Count == 0 ? [] : await EnsureProductsAsync(order, context.CancellationToken);
        // The seller's id on the marketplace the merchant keeps for this store, for an order Tray sent without its own.
        var storeSeller = order.Marketplace is { } marketplace
            ? await session.LoadAsync<MarketplaceSeller>(MarketplaceSeller.IdFor(order.StoreId, marketplace.Name), context.CancellationToken)
            : null;
        var result = SalesOrderFactory.FromTray(order, products, cities, id, intermediaries, storeSeller?.SellerId);
        var now = time.GetUtcNow();
        if (!result.Imported)
        {
            await RecordFailureAsync(session, order, result.Error!, now, context.CancellationToken);
            return;
        }
        var salesOrder = result.Order!;
        await CustomerUpsert.ApplyAsync(session, order.StoreId, salesOrder.Customer, now, context.CancellationToken);
        if (existing is null) session.Insert(salesOrder);
        else session.Store(salesOrder); // same id, the version loaded above: a concurrent change makes this a retry
        session.Delete<ImportFailure>(ImportFailure.IdFor(order.StoreId, order.TrayOrderId));
        session.AppendIntegrationEvent(id, new OrderImported(order.TenantId, order.StoreId, order.TrayOrderId, id,
            salesOrder.Status == SalesOrderStatus.ProntoParaFaturar, now)
        {
            Items = salesOrder.Items.Select(i => new OrderImportedItem(i.ProductId, i.VariationId, i.Quantity)).ToList(),
        });
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            logger.LogInformation("Tray order {TrayOrderId} of store {StoreId} was already imported", order.TrayOrderId, order.StoreId);
        }
    }

    /// <summary>An order already imported is imported again only to resolve a divergence: the merchant asked for Tray's
    /// new content, and the order is not invoiced.</summary>
    private static bool Replaces(SalesOrder existing, TrayOrderFetched order) =>
        existing.Status == SalesOrderStatus.Divergente && !existing.Invoiced && existing.ContentHash != order.ContentHash;

    private async Task<List<(Guid ProductId, Guid? VariationId)>> EnsureProductsAsync(TrayOrderFetched order, CancellationToken cancellationToken)
    {
        var request = new EnsureProducts(order.TenantId, order.StoreId,
            order.Items.Select(i => new EnsureProductItem(i.TrayProductId, i.TrayVariantId, i.Sku, i.Name, i.Ncm, i.Ean, i.UnitPrice)).ToList(),
            time.GetUtcNow());
        var response = await catalog.GetResponse<ProductsEnsured>(request, cancellationToken);
        return response.Message.Items.Select(p => (p.ProductId, p.VariationId)).ToList();
    }

    private static async Task RecordFailureAsync(IDocumentSession session, TrayOrderFetched order, ImportError error, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var failure = await session.LoadAsync<ImportFailure>(ImportFailure.IdFor(order.StoreId, order.TrayOrderId), cancellationToken)
                      ?? new ImportFailure { Id = ImportFailure.IdFor(order.StoreId, order.TrayOrderId), StoreId = order.StoreId, TrayOrderId = order.TrayOrderId, Reason = "" };
        failure.Reason = error.Message;
        failure.ReasonCode = error.Code;
        failure.TrayTotal = error.TrayTotal;
        failure.CalculatedTotal = error.CalculatedTotal;
        failure.Attempts++;
        failure.LastAttemptAt = now;
        session.Store(failure);
        session.AppendIntegrationEvent(Guid.CreateVersion7(), new OrderImportFailed(order.TenantId, order.StoreId, order.TrayOrderId, error.Message, now)
        {
            ReasonCode = error.Code,
        });
        await session.SaveChangesAsync(cancellationToken);
    }
}
