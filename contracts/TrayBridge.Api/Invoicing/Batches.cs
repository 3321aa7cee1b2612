namespace TrayBridge.Api.Invoicing;

/// <summary><c>POST /api/invoicing/batches</c>: at most 1,000 sales orders.</summary>
public sealed record IssueBatchRequest(List<Guid>? SalesOrderIds)
{
    /// <summary>More is a 400 (<c>batch.too_many_orders</c>): the batch screen splits larger selections.</summary>
    public const int MaxOrders = 1000;
}

/// <summary>The 202 answer: the batch exists and is being worked on; poll <see cref="Location"/>.</summary>
public sealed record BatchAccepted(Guid Id, int Requested, string Location);

/// <summary>Where one sales order of a batch stands. <see cref="State"/> is one of <see cref="BatchOrderStates"/>.</summary>
public sealed record BatchOrder(Guid SalesOrderId, string State, Guid? NfeId, int? Number, Reason? Reason);

/// <summary><c>GET /api/invoicing/batches/{id}</c>: counts per state (every state present, zero included), whether the
/// batch is done (no order waiting or in flight), and each order.</summary>
public sealed record BatchProgress(Guid Id, DateTimeOffset CreatedAt, int Requested, IReadOnlyDictionary<string, int> Counts, bool Done,
    IReadOnlyList<BatchOrder> Orders);

/// <summary>The states of an order in a batch, in the order it passes them.</summary>
public static class BatchOrderStates
{
    /// <summary>Not yet read from Orders / not yet numbered.</summary>
    public const string Waiting = "waiting";
    /// <summary>Not issued: not ready, already invoiced, Orders did not answer… (see its reason).</summary>
    public const string Skipped = "skipped";
    /// <summary>Numbered, built, signed and schema-valid; waiting for SEFAZ.</summary>
    public const string Issued = "issued";
    public const string Authorized = "authorized";
    public const string Rejected = "rejected";
    public const string Denied = "denied";
    /// <summary>Rejected, then its number voided at SEFAZ (inutilização): the order was given up under this note.</summary>
    public const string Voided = "voided";
    /// <summary>Authorized, then cancelled at SEFAZ (evento 110111).</summary>
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Waiting, Skipped, Issued, Authorized, Rejected, Denied, Voided, Cancelled];
}
