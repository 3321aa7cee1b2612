using Marten;
using MassTransit;
using TrayBridge.Contracts.Catalog;

namespace TrayBridge.Catalog.Features.ImportedProducts;

/// <summary>Orders' request while importing a Tray order: the ERP product of each line, in request order — matched by the
/// store link (a Tray variant to its variation), then by SKU (a variation's SKU to its variation), else created from Tray's
/// data and marked as created by import; <see cref="EnsuredProduct.VariationId"/> names the variation when there is one.</summary>
/// <remarks>No processed-message record: a redelivered request must be answered again, and the natural key (SKU per tenant)
/// already makes a second pass find what the first one created.</remarks>
public sealed class EnsureProductsConsumer(IDocumentStore store, TimeProvider time, ILogger<EnsureProductsConsumer> logger)
    : IConsumer<EnsureProducts>
{
    public async Task Consume(ConsumeContext<EnsureProducts> context)
    {
        var request = context.Message;
        var ensured = new List<EnsuredProduct>(request.Items.Count);
        // One line after another: a SKU repeated further down finds the product its first line created.
        foreach (var item in request.Items)
            ensured.Add(await EnsureProduct.ForItemAsync(store, request.TenantId, request.StoreId, item, time, logger,
                context.CancellationToken));
        await context.RespondAsync(new ProductsEnsured(request.TenantId, ensured, time.GetUtcNow()));
    }
}
