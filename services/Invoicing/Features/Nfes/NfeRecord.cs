namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>Where a note stands. Pending: signed and stored, waiting to be sent (or re-sent after a SEFAZ outage);
/// AwaitingReceipt: in an asynchronous lot whose receipt is polled; Rejected: SEFAZ refused it (number and cNF kept,
/// re-sendable after a fix); Denied: uso denegado, terminal, the number is consumed; Voided: a rejected note given up,
/// its number voided at SEFAZ (inutilização), terminal; Cancelled: an authorized note cancelled at SEFAZ (evento 110111),
/// terminal — its number stays used, its sales order may be invoiced again under a new one.</summary>
public enum NfeStatus { Pending, AwaitingReceipt, Authorized, Rejected, Denied, Voided, Cancelled }

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
    /// <summary>How many notes of this sales order were cancelled before this one was issued: with
    /// <see cref="SalesOrderId"/>, the unique slot — one live note per sales order, a new one after each cancellation.</summary>
    public int Generation { get; set; }
    /// <summary>The cancellation (evento 110111) as SEFAZ registered it: its protocol, the justification and the
    /// procEventoNFe (the signed evento and its retEvento), kept beside the nfeProc for the accountant.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancellationProtocol { get; set; }
    public string? CancellationJustification { get; set; }
    public string? CancellationProc { get; set; }
    /// <summary>Cartas de correção registered, in sequence (nSeqEvento 1 to 20); the latest replaces the ones before it.</summary>
    public List<NfeCorrection> Corrections { get; set; } = [];
}

/// <summary>One carta de correção as SEFAZ registered it, with its procEventoNFe.</summary>
public sealed record NfeCorrection(int Sequence, string Text, string Protocol, DateTimeOffset RegisteredAt, string ProcEvento);

/// <summary>A line's Tray product and the CFOP the note gave it, for Tray's ProductCfop.</summary>
public sealed record NfeLineCfop(int Line, string TrayProductId, string? TrayVariantId, string Cfop);
