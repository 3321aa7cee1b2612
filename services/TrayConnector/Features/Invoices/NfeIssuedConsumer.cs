using Marten;
using MassTransit;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>Records the NF-e to deliver and schedules its delivery in the same commit. The delivery's id is the natural
/// key (store, Tray order, key): a redelivered or re-published <c>NfeIssued</c> finds it and schedules nothing more; two
/// copies at once collide on the primary key and the loser's retry finds the winner's row.</summary>
public sealed class NfeIssuedConsumer(IDocumentStore documents, DueWorkScheduler scheduler, TimeProvider time,
    ILogger<NfeIssuedConsumer> logger) : IConsumer<NfeIssued>
{
    public async Task Consume(ConsumeContext<NfeIssued> context)
    {
        var nfe = context.Message;
        await using var session = documents.LightweightSession(nfe.TenantId);
        var id = InvoiceDelivery.IdFor(nfe.StoreId, nfe.TrayOrderId, nfe.ChaveDeAcesso);
        if (await session.LoadAsync<InvoiceDelivery>(id, context.CancellationToken) is not null)
        {
            logger.LogInformation("NF-e {Number} for Tray order {Order} is already being delivered: nothing to do", nfe.Number, nfe.TrayOrderId);
            return;
        }
        session.Insert(InvoiceDelivery.From(nfe, time.GetUtcNow()));
        scheduler.Schedule(session, SendInvoice.DueWorkKind, new SendInvoice.Payload(id), time.GetUtcNow(), partitionKey: nfe.StoreId,
            orderingKey: Shipments.SalesOrderShippedConsumer.OrderKey(nfe.StoreId, nfe.TrayOrderId));
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            logger.LogInformation("Another copy of NfeIssued for key {Key} got there first", nfe.ChaveDeAcesso);
        }
    }
}
