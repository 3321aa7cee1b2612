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
        var later = await dedicated.IsServedElsewhereAsync(context.Message.StoreId, context.CancellationToken)
            ? ((DateTimeOffset At, string Reason)?)(time.GetUtcNow(), "conector dedicado da loja")
            : await runner.RunAsync(context.Message, context.CancellationToken);
        if (later is not { } due) return;
        await using var session = documents.LightweightSession(context.Message.TenantId);
        scheduler.Schedule(session, ProductExportRunner.DueWorkKind, context.Message, due.At, partitionKey: context.Message.StoreId);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>A parked export, tried again when it is due.</summary>
public sealed class ParkedProductExport(ProductExportRunner runner) : IDueWorkHandler
{
    public string Kind => ProductExportRunner.DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken) =>
        await runner.RunAsync(item.PayloadAs<ProductExportRequested>(), cancellationToken, item.Attempt, parked: true) is { } later
            ? DueWorkOutcome.Retry(later.At, later.Reason)
            : DueWorkOutcome.Done;
}
