namespace TrayBridge.Invoicing.Features.Batches;

/// <summary>One <c>POST /api/invoicing/batches</c>: the orders asked for, those skipped with the reason, and the notes
/// it issued (their outcomes live on each <see cref="Nfes.NfeRecord"/>).</summary>
public sealed class InvoiceBatch
{
    public Guid Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Guid> SalesOrderIds { get; set; } = [];
    public List<SkippedOrder> Skipped { get; set; } = [];
    public List<Guid> NfeIds { get; set; } = [];
}

public sealed record SkippedOrder(Guid SalesOrderId, string Reason);
