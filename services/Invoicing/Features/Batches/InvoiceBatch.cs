namespace TrayBridge.Invoicing.Features.Batches;

/// <summary>One <c>POST /api/invoicing/batches</c>: the orders asked for and those skipped with the reason. The notes it
/// issued carry its id (<see cref="Nfes.NfeRecord.BatchId"/>); an order neither skipped nor with a note is still waiting
/// for the due work (<see cref="IssueBatchChunk"/>) that reads it from Orders and issues it.</summary>
public sealed class InvoiceBatch
{
    public Guid Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Guid> SalesOrderIds { get; set; } = [];
    public List<SkippedOrder> Skipped { get; set; } = [];
}

/// <summary>A sales order the batch did not issue: <see cref="Code"/> stable (see <see cref="SkipReasons"/>), <see cref="Reason"/>
/// in Portuguese. Batches stored before codes existed read with an empty code.</summary>
public sealed record SkippedOrder(Guid SalesOrderId, string Reason, string Code = "");
