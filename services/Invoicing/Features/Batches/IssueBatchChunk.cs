using Marten;
using MassTransit;
using Microsoft.Extensions.Options;
using TrayBridge.Contracts.Orders;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.Nfes;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults.DueWork;

namespace TrayBridge.Invoicing.Features.Batches;

/// <summary>Due work: issues the next chunk of a batch's waiting orders — one request to Orders for the chunk, then each
/// note numbered, built, signed and stored in its own transaction (<see cref="NfeIssuer"/>: no gaps) —, and commits the
/// chunk's skips with the send of its notes and the next chunk's work. A crash re-runs the chunk: what is waiting is
/// worked out again from the batch's notes and skips, and a note it already stored is recognised, never issued twice.
/// When Orders does not answer, every order still waiting is skipped to be issued again, rather than each chunk
/// waiting out the timeout.</summary>
public sealed class IssueBatchChunk(IDocumentStore store, IRequestClient<SalesOrdersForInvoiceRequested> orders, NfeIssuer issuer,
    EmitterCertificates certificates, DueWorkScheduler scheduler, IOptions<InvoicingSettings> settings, TimeProvider time) : IDueWorkHandler
{
    public const string Kind = "invoicing.issue-batch";

    public sealed record Payload(Guid BatchId);

    string IDueWorkHandler.Kind => Kind;

    public async Task<DueWorkOutcome> HandleAsync(DueWorkItem item, CancellationToken cancellationToken)
    {
        var batchId = item.PayloadAs<Payload>().BatchId;
        await using var session = store.LightweightSession(item.TenantId);
        if (await session.LoadAsync<InvoiceBatch>(batchId, cancellationToken) is not { } batch) return DueWorkOutcome.Done;
        var issued = await session.Query<NfeRecord>().Where(n => n.BatchId == batchId).Select(n => n.SalesOrderId).ToListAsync(cancellationToken);
        var waiting = batch.SalesOrderIds.Except(batch.Skipped.Select(s => s.SalesOrderId)).Except(issued).ToList();
        if (waiting.Count == 0) return DueWorkOutcome.Done;

        var profile = await session.LoadAsync<EmitterProfile>(item.TenantId, cancellationToken);
        if (EmitterReadiness.Reason(profile, time.GetUtcNow()) is { } notReady) return await SkipAllAsync(session, batch, waiting, notReady, cancellationToken);
        var chunk = waiting.Take(Math.Clamp(settings.Value.OrdersChunkSize, 1, SalesOrdersForInvoiceRequested.MaxOrders)).ToList();
        if (await AskOrdersAsync(item.TenantId, chunk, cancellationToken) is not { } answers)
            return await SkipAllAsync(session, batch, waiting, SkipReasons.OrdersUnavailable, cancellationToken);

        var stored = 0;
        using (var certificate = certificates.Open(profile!.Certificate!))
            foreach (var id in chunk)
            {
                // An id the answer leaves out was not answered for: skipped to be issued again, like a timeout.
                (NfeRecord? note, Api.Reason? skip) = !answers.TryGetValue(id, out var answer) ? (null, SkipReasons.OrdersUnavailable)
                    : SkipReasons.For(answer) is { } reason ? (null, reason)
                    : await issuer.IssueAsync(item.TenantId, profile, certificate, answer.Order!, id, batchId, cancellationToken);
                if (note is not null) stored++;
                else batch.Skipped.Add(new SkippedOrder(id, skip!.Detail, skip.Code));
            }
        session.Store(batch);
        if (stored > 0) scheduler.Schedule(session, SendNotes.Kind, new SendNotes.Payload(batchId), time.GetUtcNow(), orderingKey: SendNotes.OrderingKey(batchId));
        if (waiting.Count > chunk.Count) scheduler.Schedule(session, Kind, new Payload(batchId), time.GetUtcNow());
        await session.SaveChangesAsync(cancellationToken);
        return DueWorkOutcome.Done;
    }

    private async Task<DueWorkOutcome> SkipAllAsync(IDocumentSession session, InvoiceBatch batch, List<Guid> waiting, Api.Reason reason,
        CancellationToken cancellationToken)
    {
        batch.Skipped.AddRange(waiting.Select(id => new SkippedOrder(id, reason.Detail, reason.Code)));
        session.Store(batch);
        await session.SaveChangesAsync(cancellationToken);
        return DueWorkOutcome.Done;
    }

    /// <summary>Orders' answers by sales order, or null when Orders did not answer in time.</summary>
    private async Task<Dictionary<Guid, SalesOrderForInvoice>?> AskOrdersAsync(string tenantId, List<Guid> ids, CancellationToken cancellationToken)
    {
        try
        {
            var response = await orders.GetResponse<SalesOrdersForInvoice>(new SalesOrdersForInvoiceRequested(tenantId, ids, time.GetUtcNow()),
                cancellationToken, settings.Value.OrdersTimeout);
            return response.Message.Orders.Where(o => ids.Contains(o.SalesOrderId)).DistinctBy(o => o.SalesOrderId).ToDictionary(o => o.SalesOrderId);
        }
        catch (RequestTimeoutException)
        {
            return null;
        }
    }
}
