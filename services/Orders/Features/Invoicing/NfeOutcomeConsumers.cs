using Marten;
using MassTransit;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Orders.Domain;
using TrayBridge.Orders.Features.Import;

namespace TrayBridge.Orders.Features.Invoicing;

/// <summary>An authorized NF-e makes its sales order <c>Faturado</c> with the key. Idempotent by content: the same note
/// again changes nothing; a concurrent edit makes the optimistic check fail and the message retry read the order again.</summary>
public sealed class NfeIssuedConsumer(IDocumentStore documents, ILogger<NfeIssuedConsumer> logger) : IConsumer<NfeIssued>
{
    public async Task Consume(ConsumeContext<NfeIssued> context)
    {
        var nfe = context.Message;
        await using var session = documents.LightweightSession(nfe.TenantId);
        if (await NfeOutcomes.FindAsync(session, nfe.SalesOrderId, nfe.StoreId, nfe.TrayOrderId, context.CancellationToken) is not { } order)
        {
            logger.LogWarning("NF-e {Key} names sales order {Id} (Tray order {TrayOrderId}), which does not exist", nfe.ChaveDeAcesso, nfe.SalesOrderId, nfe.TrayOrderId);
            return;
        }
        if (order.Invoiced && order.NfeKey == nfe.ChaveDeAcesso) return;
        if (order.RecordNfeIssued(nfe.ChaveDeAcesso, nfe.Number, nfe.Series, nfe.IssuedAt, nfe.NfeId) == OrderChange.Locked)
        {
            logger.LogError("Sales order {Id} already invoiced with NF-e {Key}; a second NF-e {Other} was authorized for it and needs a person",
                order.Id, order.NfeKey, nfe.ChaveDeAcesso);
            return;
        }
        session.Store(order);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>A refused NF-e shows on its sales order (code and reason); the order stays as ready as it was.</summary>
public sealed class NfeRejectedConsumer(IDocumentStore documents, ILogger<NfeRejectedConsumer> logger) : IConsumer<NfeRejected>
{
    public async Task Consume(ConsumeContext<NfeRejected> context)
    {
        var rejection = context.Message;
        await using var session = documents.LightweightSession(rejection.TenantId);
        if (await NfeOutcomes.FindAsync(session, rejection.SalesOrderId, rejection.StoreId, rejection.TrayOrderId, context.CancellationToken) is not { } order)
        {
            logger.LogWarning("NF-e rejection {Code} names sales order {Id}, which does not exist", rejection.StatusCode, rejection.SalesOrderId);
            return;
        }
        var before = order.LastNfeRejection;
        order.RecordNfeRejected(rejection.StatusCode, rejection.Reason, rejection.OccurredAt);
        if (order.LastNfeRejection == before) return;
        session.Store(order);
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

internal static class NfeOutcomes
{
    /// <summary>By the id Invoicing names, else by the natural key (tenant, store, Tray order) every sales order id derives from.</summary>
    public static async Task<SalesOrder?> FindAsync(IDocumentSession session, Guid salesOrderId, string storeId, string trayOrderId,
        CancellationToken cancellationToken) =>
        await session.LoadAsync<SalesOrder>(salesOrderId, cancellationToken)
        ?? await session.LoadAsync<SalesOrder>(SalesOrderIds.For(session.TenantId, storeId, trayOrderId), cancellationToken);
}
