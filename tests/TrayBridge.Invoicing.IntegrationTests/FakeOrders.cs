using System.Collections.Concurrent;
using MassTransit;
using TrayBridge.Contracts.Invoicing;
using TrayBridge.Contracts.Orders;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>Stands in for the Orders service on the fixture's vhost: answers SalesOrderForInvoiceRequested and a batch's
/// chunks (SalesOrdersForInvoiceRequested) from the orders a test puts here (Orders' own answers are unit-tested in
/// TrayBridge.Orders.Tests).</summary>
public sealed class FakeOrders : IAsyncDisposable
{
    private readonly IBusControl _bus;

    public ConcurrentDictionary<Guid, SalesOrderForInvoice> Orders { get; } = new();

    /// <summary>Sales orders this stand-in never answers for: Orders down, as the batch sees it. A chunk of only these gets
    /// no answer at all (a timeout); a chunk with others gets an answer that leaves these out.</summary>
    public ConcurrentDictionary<Guid, bool> Unanswered { get; } = new();

    /// <summary>What Invoicing published through its relay, as Orders and the connector receive it.</summary>
    public ConcurrentQueue<NfeIssued> Issued { get; } = new();
    public ConcurrentQueue<NfeRejected> Rejected { get; } = new();
    public ConcurrentQueue<NfeCancelled> Cancelled { get; } = new();

    /// <summary>How many sales orders each chunk request asked for.</summary>
    public ConcurrentQueue<int> ChunkSizes { get; } = new();

    private static SalesOrderForInvoice NotFound(string tenantId, Guid id) =>
        new(tenantId, id, false, null, null, [], null, false, null, DateTimeOffset.UtcNow);

    private FakeOrders(string rabbit)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(rabbit));
            cfg.ReceiveEndpoint("fake-orders-sales-order-for-invoice", e => e.Handler<SalesOrderForInvoiceRequested>(context =>
                Unanswered.ContainsKey(context.Message.SalesOrderId) ? Task.CompletedTask
                : context.RespondAsync(Orders.TryGetValue(context.Message.SalesOrderId, out var order)
                    ? order
                    : NotFound(context.Message.TenantId, context.Message.SalesOrderId))));
            cfg.ReceiveEndpoint("fake-orders-sales-orders-for-invoice", e => e.Handler<SalesOrdersForInvoiceRequested>(context =>
            {
                var answered = context.Message.SalesOrderIds.Where(id => !Unanswered.ContainsKey(id)).ToList();
                ChunkSizes.Enqueue(context.Message.SalesOrderIds.Count);
                return answered.Count == 0 ? Task.CompletedTask : context.RespondAsync(new SalesOrdersForInvoice(context.Message.TenantId,
                    [.. answered.Select(id => Orders.TryGetValue(id, out var order) ? order : NotFound(context.Message.TenantId, id))], DateTimeOffset.UtcNow));
            }));
            cfg.ReceiveEndpoint("fake-orders-nfe-outcomes", e =>
            {
                e.Handler<NfeIssued>(context => { Issued.Enqueue(context.Message); return Task.CompletedTask; });
                e.Handler<NfeRejected>(context => { Rejected.Enqueue(context.Message); return Task.CompletedTask; });
                e.Handler<NfeCancelled>(context => { Cancelled.Enqueue(context.Message); return Task.CompletedTask; });
            });
        });
    }

    public static async Task<FakeOrders> StartAsync(string rabbit)
    {
        var orders = new FakeOrders(rabbit);
        await orders._bus.StartAsync();
        return orders;
    }

    /// <summary>A ready B2C order in São Paulo: two T-shirts at 49.90 and 10.00 freight (total 109.80).</summary>
    public Guid AddReady(string tenantId, string? recipientDocument = null, string? stateRegistration = null, string status = "ProntoParaFaturar")
    {
        var id = Guid.NewGuid();
        var company = recipientDocument?.Length == 14;
        var recipient = new SalesOrderInvoiceRecipient(company ? "COMERCIO PAULISTA LTDA" : "MARIA DA SILVA", recipientDocument ?? "12345678909", company,
            stateRegistration, "cliente@example.com", null, "RUA B", "200", null, "MOOCA", "SAO PAULO", "SP", "03101000", "3550308");
        var data = new SalesOrderInvoiceData("391250", $"T{Orders.Count + 1000}", recipient,
            [new SalesOrderInvoiceItem(1, "p-1", null, "SKU-001", "CAMISETA ALGODAO", "61091000", null, 2, 49.90m, 0m, 10.00m, 0m)],
            109.80m, "credit_card", "Cartão", 1, "Correios", null, null);
        var missing = status == "PendenteDados" ? new List<string> { "falta NCM (SKU SKU-001)" } : [];
        var label = status == "PendenteDados" ? "Pendente: falta NCM (SKU SKU-001)" : status;
        Orders[id] = new SalesOrderForInvoice(tenantId, id, true, status, label, missing, null, false, data, DateTimeOffset.UtcNow);
        return id;
    }

    public void Fix(Guid id, Func<SalesOrderForInvoice, SalesOrderForInvoice> change) => Orders[id] = change(Orders[id]);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
