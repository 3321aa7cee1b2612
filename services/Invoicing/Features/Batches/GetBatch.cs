using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.Api;
using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Features.Nfes;
using TrayBridge.ServiceDefaults.Http;
using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.Invoicing.Features.Batches;

/// <summary><c>GET /api/invoicing/batches/{id}</c>: where each order of the batch stands, as the batch screen polls it —
/// waiting, skipped with its reason, or its note's state (issued until SEFAZ answers). Only the notes' few columns it
/// shows are read, never their XML, so polling a batch of 1,000 stays cheap.</summary>
public static class GetBatch
{
    /// <summary>What the progress needs of a note (Marten selects just these).</summary>
    public sealed class NoteState
    {
        public Guid Id { get; set; }
        public Guid SalesOrderId { get; set; }
        public int Number { get; set; }
        public NfeStatus Status { get; set; }
        public string? StatusCode { get; set; }
        public string? Reason { get; set; }
        public string? LastError { get; set; }
    }

    public static async Task<Results<Ok<BatchProgress>, ProblemHttpResult>> HandleAsync(Guid id, IDocumentStore store, TenantContext tenant,
        CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant.Require());
        if (await session.LoadAsync<InvoiceBatch>(id, cancellationToken) is not { } batch)
            return Problems.NotFound("batch.not_found", "Lote não encontrado.");
        var notes = (await session.Query<NfeRecord>().Where(n => n.BatchId == id)
                .Select(n => new NoteState
                {
                    Id = n.Id, SalesOrderId = n.SalesOrderId, Number = n.Number, Status = n.Status, StatusCode = n.StatusCode, Reason = n.Reason,
                    LastError = n.LastError,
                })
                .ToListAsync(cancellationToken))
            .ToDictionary(n => n.SalesOrderId);
        var skipped = batch.Skipped.DistinctBy(s => s.SalesOrderId).ToDictionary(s => s.SalesOrderId);
        var orders = batch.SalesOrderIds.Select(order => notes.TryGetValue(order, out var note)
                ? new BatchOrder(order, NfeViews.BatchState(note.Status), note.Id, note.Number,
                    NfeViews.Why(note.Status, note.StatusCode, note.Reason, note.LastError))
                : skipped.TryGetValue(order, out var skip)
                    ? new BatchOrder(order, BatchOrderStates.Skipped, null, null, new Reason(skip.Code is { Length: > 0 } code ? code : "order.skipped", skip.Reason))
                    : new BatchOrder(order, BatchOrderStates.Waiting, null, null, null))
            .ToList();
        var counts = BatchOrderStates.All.ToDictionary(state => state, state => orders.Count(o => o.State == state));
        var done = counts[BatchOrderStates.Waiting] == 0 && counts[BatchOrderStates.Issued] == 0;
        return TypedResults.Ok(new BatchProgress(batch.Id, batch.CreatedAt, batch.SalesOrderIds.Count, counts, done, orders));
    }
}
