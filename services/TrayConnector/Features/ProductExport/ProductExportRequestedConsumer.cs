using Marten;
using MassTransit;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.TrayConnector.Features.Dedicated;

namespace TrayBridge.TrayConnector.Features.ProductExport;

/// <summary>Exports at once — unless the store has a connector of its own: then the export is due work in the store's
/// partition, which only that connector claims.</summary>
public sealed class ProductExportRequestedConsumer(ProductExportRunner runner, DueWorkScheduler scheduler, IDocumentStore documents,
    DedicatedStores dedicated, TimeProvider time) : IConsumer<ProductExportRequested>
{
    public async Task Consume(ConsumeContext<ProductExportRequested> context)
    {
        var export = ProductToExport.From(context.Message);
        var later = await dedicated.IsServedElsewhereAsync(export.StoreId, context.CancellationToken)
            ? ((DateTimeOffset At, string Reason)?)(time.GetUtcNow(), "conector dedicado da loja")
            : await runner.RunAsync(export, context.CancellationToken);
        if (later is not { } due) return;
        await using var session = documents.LightweightSession(export.TenantId);
        scheduler.Schedule(session, ProductExportRunner.DueWorkKind, export, due.At, partitionKey: export.StoreId);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>A parked export, tried again when it is due.</summary>
public sealed class ParkedProductExport(ProductExportRunner runner) : IDueWorkHandler
{
    public string Kind => ProductExportRunner.DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken) =>
        await runner.RunAsync(item.PayloadAs<ProductToExport>(), cancellationToken, item.Attempt, parked: true) is { } later
            ? DueWorkOutcome.Retry(later.At, later.Reason)
            : DueWorkOutcome.Done;
}
