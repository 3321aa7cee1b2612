namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>Where a note stands. Pending: signed and stored, waiting to be sent (or re-sent after a SEFAZ outage);
/// AwaitingReceipt: in an asynchronous lot whose receipt is polled; Rejected: SEFAZ refused it (number and cNF kept,
/// re-sendable after a fix); Denied: uso denegado, terminal, the number is consumed; Voided: a rejected note given up,
/// its number voided at SEFAZ (inutilização), terminal.</summary>
public enum NfeStatus { Pending, AwaitingReceipt, Authorized, Rejected, Denied, Voided }

/// <summary>One NF-e of one sales order (unique per sales order): its identity chosen once (série, number from the
/// counter, cNF, dhEmi), the signed XML stored in the same transaction that took the number, and SEFAZ's outcome.</summary>
public sealed class NfeRecord
{
    public Guid Id { get; set; }
    public Guid SalesOrderId { get; set; }
    public Guid BatchId { get; set; }
    public required string StoreId { get; set; }
    public required string TrayOrderId { get; set; }
    public int Series { get; set; }
    public int Number { get; set; }
    public required string Cnf { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public required string Key { get; set; }
    public decimal Total { get; set; }
    public List<NfeLineCfop> Lines { get; set; } = [];
    public required string SignedXml { get; set; }
    public NfeStatus Status { get; set; } = NfeStatus.Pending;
    public string? StatusCode { get; set; }
    public string? Reason { get; set; }
    /// <summary>Why the last send did not get an answer (SEFAZ down, timeout); cleared by an answer.</summary>
    public string? LastError { get; set; }
    public string? Receipt { get; set; }
    public string? Protocol { get; set; }
    public DateTimeOffset? AuthorizedAt { get; set; }
    public string? NfeProc { get; set; }
    /// <summary>When the note's DANFE and XML links were revoked (they answer 410 from then on); see <see cref="NfeLinks"/>.</summary>
    public DateTimeOffset? LinksRevokedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A line's Tray product and the CFOP the note gave it, for Tray's ProductCfop.</summary>
public sealed record NfeLineCfop(int Line, string TrayProductId, string? TrayVariantId, string Cfop);
