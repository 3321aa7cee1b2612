using Marten;
using MassTransit;
using TrayBridge.Contracts.Catalog;
using TrayBridge.ServiceDefaults.DueWork;

namespace TrayBridge.TrayConnector.Features.ProductExport;

public sealed class ProductExportRequestedConsumer(ProductExportRunner runner, DueWorkScheduler scheduler, IDocumentStore documents)
    : IConsumer<ProductExportRequested>
{
    public async Task Consume(ConsumeContext<ProductExportRequested> context)
    {
        if (await runner.RunAsync(context.Message, context.CancellationToken) is not { } later) return;
        await using var session = documents.LightweightSession(context.Message.TenantId);
        scheduler.Schedule(session, ProductExportRunner.DueWorkKind, context.Message, later.At, partitionKey: context.Message.StoreId);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>A parked export, tried again when it is due.</summary>
public sealed class ParkedProductExport(ProductExportRunner runner) : IDueWorkHandler
{
    public string Kind => ProductExportRunner.DueWorkKind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken) =>
        await runner.RunAsync(item.PayloadAs<ProductExportRequested>(), cancellationToken, item.Attempt) is { } later
            ? DueWorkOutcome.Retry(later.At, later.Reason)
            : DueWorkOutcome.Done;
}
