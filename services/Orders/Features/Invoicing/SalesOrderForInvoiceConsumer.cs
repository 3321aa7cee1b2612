using Marten;
using MassTransit;
using TrayBridge.Contracts.Orders;
using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Features.Invoicing;

/// <summary>Invoicing's request at batch time: the live sales order (never a read model that may be stale), its status
/// and what it lacks, and the NF-e's data. Read-only, so a redelivered request is simply answered again.</summary>
public sealed class SalesOrderForInvoiceConsumer(IDocumentStore store, TimeProvider time) : IConsumer<SalesOrderForInvoiceRequested>
{
    public async Task Consume(ConsumeContext<SalesOrderForInvoiceRequested> context)
    {
        var request = context.Message;
        await using var session = store.QuerySession(request.TenantId);
        var order = await session.LoadAsync<SalesOrder>(request.SalesOrderId, context.CancellationToken);
        await context.RespondAsync(Answer(request.TenantId, request.SalesOrderId, order, time.GetUtcNow()));
    }

    /// <summary>The answer for an order, or for its absence (<see cref="SalesOrderForInvoice.Found"/> false).</summary>
    public static SalesOrderForInvoice Answer(string tenantId, Guid salesOrderId, SalesOrder? order, DateTimeOffset now) => order is null
        ? new SalesOrderForInvoice(tenantId, salesOrderId, false, null, null, [], null, false, null, now)
        : new SalesOrderForInvoice(tenantId, order.Id, true, order.Status.ToString(), order.StatusLabel, order.Missing,
            order.Divergence, order.Invoiced, InvoiceData(order), now) { Situation = order.Status.Situation() };

    private static SalesOrderInvoiceData InvoiceData(SalesOrder order)
    {
        var customer = order.Customer;
        var address = customer.InvoiceAddress;
        var recipient = new SalesOrderInvoiceRecipient(customer.Name, customer.TaxId?.Value, customer.TaxId?.IsCompany ?? customer.IsCompany,
            customer.StateInscription, customer.Email, customer.Phone, address?.Street, address?.Number, address?.Complement,
            address?.Neighborhood, address?.City, address?.State, address?.ZipCode, address?.IbgeCode);
        var items = order.Items.OrderBy(i => i.Line).Select(i => new SalesOrderInvoiceItem(i.Line, i.TrayProductId, i.TrayVariantId, i.Sku,
            string.IsNullOrWhiteSpace(i.VariantLabel) ? i.Name : $"{i.Name} {i.VariantLabel}", i.Ncm, i.Ean, i.Quantity, i.UnitPrice,
            i.Discount, i.Freight, i.OtherCharges)).ToList();
        return new SalesOrderInvoiceData(order.StoreId, order.TrayOrderId, recipient, items, order.Totals.Total, order.PaymentMethodType,
            order.PaymentMethod, order.Installments, order.Shipment, order.Intermediary?.Cnpj, order.Intermediary?.SellerId);
    }
}
