using Marten;
using Marten.Patching;
using MassTransit;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Invoices;

/// <summary>SEFAZ cancelled an NF-e: its delivery to Tray is marked and <see cref="CancelInvoice"/> is scheduled with the
/// order's ordering key, so it runs after any send of that note still under way (never racing its POST), at the invoice's
/// priority. A note this connector never heard of gets its delivery row already <c>Cancelada</c>: a late <c>NfeIssued</c>
/// finds it and posts nothing. The natural key (store, Tray order, key) makes redeliveries change nothing.</summary>
public sealed class NfeCancelledConsumer(IDocumentStore documents, DueWorkScheduler scheduler, TimeProvider time,
    ILogger<NfeCancelledConsumer> logger) : IConsumer<NfeCancelled>
{
    public async Task Consume(ConsumeContext<NfeCancelled> context)
    {
        var nfe = context.Message;
        await using var session = documents.LightweightSession(nfe.TenantId);
        var id = InvoiceDelivery.IdFor(nfe.StoreId, nfe.TrayOrderId, nfe.ChaveDeAcesso);
        var delivery = await session.LoadAsync<InvoiceDelivery>(id, context.CancellationToken);
        if (delivery is { CancelledAt: not null }) return;
        var now = time.GetUtcNow();
        if (delivery is null)
        {
            session.Insert(new InvoiceDelivery
            {
                Id = id, StoreId = nfe.StoreId, TrayOrderId = nfe.TrayOrderId, SalesOrderId = nfe.SalesOrderId, Key = nfe.ChaveDeAcesso,
                Number = nfe.Number, Series = nfe.Series, ReceivedAt = now, State = InvoiceDeliveryState.Cancelada, CancelledAt = nfe.CancelledAt,
                CancellationProtocol = nfe.Protocol, CancellationNote = CancelInvoice.NeverSent,
            });
        }
        else
        {
            // A patch, not the whole row: a send running now must not lose what it records (the POST started, Tray's id).
            session.Patch<InvoiceDelivery>(id).Set(d => d.CancelledAt, nfe.CancelledAt);
            session.Patch<InvoiceDelivery>(id).Set(d => d.CancellationProtocol, nfe.Protocol);
            scheduler.Schedule(session, CancelInvoice.DueWorkKind, new CancelInvoice.Payload(id, nfe.CancelledAt, nfe.Protocol), now,
                partitionKey: nfe.StoreId, orderingKey: Shipments.SalesOrderShippedConsumer.OrderKey(nfe.StoreId, nfe.TrayOrderId));
        }
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (Exception e) when (WriteConflicts.IsConflict(e))
        {
            logger.LogInformation("Another copy of NfeCancelled for key {Key} got there first", nfe.ChaveDeAcesso);
        }
    }
}
