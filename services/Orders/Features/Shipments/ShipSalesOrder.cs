using Marten;
using TrayBridge.Api;
using TrayBridge.Api.Orders;
using TrayBridge.Contracts.Orders;
using TrayBridge.Orders.Domain;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Orders.Features.Shipments;

/// <summary>Records one order's dispatch and publishes <see cref="SalesOrderShipped"/> in the same commit, so the connector
/// hears of every dispatch recorded and of nothing that was not. The same data again publishes nothing.</summary>
public static class ShipSalesOrder
{
    public sealed record Outcome(string Kind, Reason? Reason, SalesOrder? Order, bool Missing = false);

    public static async Task<Outcome> ApplyAsync(IDocumentStore documents, string tenantId, Guid id, ShipmentInput input, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var session = documents.LightweightSession(tenantId);
        if (await session.LoadAsync<SalesOrder>(id, cancellationToken) is not { } order)
            return new(ShipmentOutcomes.Refused, new Reason(OrderProblemCodes.SalesOrderNotFound, "Pedido de venda não encontrado."), null, Missing: true);
        switch (order.Ship(input.Carrier, input.TrackingCode, input.TrackingUrl, input.ShippedAt, now))
        {
            case ShipChange.Unchanged:
                return new(ShipmentOutcomes.Unchanged, null, order);
            case ShipChange.NotInvoiced:
                return new(ShipmentOutcomes.Refused, new Reason(OrderProblemCodes.NotInvoiced,
                    $"O pedido {order.TrayOrderId} ainda não foi faturado: informe o envio depois que a NF-e for autorizada."), order);
            case ShipChange.CancelledOnTray:
                return new(ShipmentOutcomes.Refused, new Reason(OrderProblemCodes.CancelledOnTray,
                    $"O pedido {order.TrayOrderId} foi cancelado na Tray: não há envio a informar."), order);
        }
        session.Store(order);
        session.AppendIntegrationEvent(order.Id, new SalesOrderShipped(tenantId, order.StoreId, order.TrayOrderId, order.Id, input.Carrier,
            input.TrackingCode, input.TrackingUrl, input.ShippedAt, now));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return new(ShipmentOutcomes.Refused, new Reason(OrderProblemCodes.Changed,
                "O pedido de venda foi alterado ao mesmo tempo por outra operação: repita o envio."), order);
        }
        return new(ShipmentOutcomes.Shipped, null, order);
    }

    public static ShipmentData? View(SalesOrderDispatch? d) =>
        d is null ? null : new ShipmentData(d.Carrier, d.TrackingCode, d.TrackingUrl, d.ShippedAt, d.RecordedAt);
}
