using Marten;
using MassTransit;
using Microsoft.Extensions.Options;
using TrayBridge.Contracts.Orders;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Batches;

/// <summary><c>POST /api/invoicing/batches {salesOrderIds}</c> → 202 with the batch. 4xx only for what stops the whole
/// request (no orders, no emitter, no valid certificate; 503 when the Orders service answers for none); each order's own
/// problem is listed as skipped. Orders are read live from Orders; the notes are numbered, signed and stored here, and sent
/// to SEFAZ as due work.</summary>
public static class IssueBatch
{
    public sealed record Request(List<Guid>? SalesOrderIds);

    /// <summary>When the safety send runs; by then the batch's own send has normally found nothing left pending.</summary>
    private static readonly TimeSpan SafetyDelay = TimeSpan.FromMinutes(2);

    public static async Task<IResult> HandleAsync(Request request, IDocumentStore store, TenantContext tenant, EmitterCertificates certificates,
        IRequestClient<SalesOrderForInvoiceRequested> orders, NfeIssuer issuer, DueWorkScheduler scheduler, IOptions<InvoicingSettings> settings,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var ids = (request.SalesOrderIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return Results.ValidationProblem(new Dictionary<string, string[]> { ["salesOrderIds"] = ["At least one sales order."] });
        var tenantId = tenant.Require();
        await using var session = store.LightweightSession(tenantId);
        var profile = await session.LoadAsync<EmitterProfile>(tenantId, cancellationToken);
        if (profile is null) return Results.Problem(statusCode: 409, title: "No emitter", detail: "PUT /api/invoicing/emitter first.");
        if (profile.Certificate is not { } stored) return Results.Problem(statusCode: 409, title: "No certificate", detail: "Upload the A1 certificate first.");
        if (stored.NotAfter <= time.GetUtcNow())
            return Results.Problem(statusCode: 409, title: "Certificate expired", detail: $"The A1 certificate expired on {stored.NotAfter:yyyy-MM-dd}.");

        using var certificate = certificates.Open(stored);
        var batch = new InvoiceBatch { Id = Guid.CreateVersion7(), CreatedAt = time.GetUtcNow(), SalesOrderIds = ids };
        // Committed before any note: should this request die half-way, the notes it stored are still sent.
        await using (var safety = store.LightweightSession(tenantId))
        {
            scheduler.Schedule(safety, SendNotes.Kind, new SendNotes.Payload(batch.Id), time.GetUtcNow() + SafetyDelay);
            await safety.SaveChangesAsync(cancellationToken);
        }
        var ordersDown = false;
        foreach (var id in ids)
        {
            if (ordersDown || await AskOrdersAsync(orders, tenantId, id, settings.Value.OrdersTimeout, time, cancellationToken) is not { } answer)
            {
                // Orders is down: the rest are skipped at once rather than each waiting out the timeout; nothing is numbered for them.
                ordersDown = true;
                batch.Skipped.Add(new SkippedOrder(id, OrdersUnavailable));
                continue;
            }
            var (note, reason) = SalesOrderMapping.SkipReason(answer) is { } skip
                ? (null, skip)
                : await issuer.IssueAsync(tenantId, profile, certificate, answer.Order!, id, batch.Id, cancellationToken);
            if (note is null) batch.Skipped.Add(new SkippedOrder(id, reason!));
            else batch.NfeIds.Add(note.Id);
        }
        if (ordersDown && batch.NfeIds.Count == 0)
            return Results.Problem(statusCode: 503, title: "Orders unavailable", detail: OrdersUnavailable);
        session.Store(batch);
        if (batch.NfeIds.Count > 0) scheduler.Schedule(session, SendNotes.Kind, new SendNotes.Payload(batch.Id), time.GetUtcNow());
        await session.SaveChangesAsync(cancellationToken);
        return Results.Accepted($"/api/invoicing/batches/{batch.Id}", new { id = batch.Id, issued = batch.NfeIds.Count, batch.Skipped });
    }

    private const string OrdersUnavailable = "O serviço de pedidos não respondeu: emita estes pedidos de novo em instantes.";

    /// <summary>The sales order as it is now, or null when Orders does not answer in time.</summary>
    private static async Task<SalesOrderForInvoice?> AskOrdersAsync(IRequestClient<SalesOrderForInvoiceRequested> orders, string tenantId, Guid id,
        TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return (await orders.GetResponse<SalesOrderForInvoice>(new SalesOrderForInvoiceRequested(tenantId, id, time.GetUtcNow()),
                cancellationToken, timeout)).Message;
        }
        catch (RequestTimeoutException)
        {
            return null;
        }
    }
}
