namespace TrayBridge.Api.Invoicing;

/// <summary>A note: identity, <see cref="Status"/> (Pending, AwaitingReceipt, Authorized, Rejected, Denied, Voided, Cancelled) and
/// its <see cref="Situation"/> for people (<see cref="NfeSituations"/>), SEFAZ's cStat (<see cref="StatusCode"/>) and motivo
/// (<see cref="Reason"/>), why it still waits (<see cref="Waiting"/>), and once authorized the signed anonymous links to
/// its nfeProc XML and its DANFE PDF.</summary>
public sealed record NfeResponse(
    Guid Id, Guid SalesOrderId, Guid BatchId, string TrayOrderId, int Series, int Number, string Key, decimal Total, DateTimeOffset IssuedAt,
    string Status, string? StatusCode, string? Reason, string? Waiting, string? Protocol, DateTimeOffset? AuthorizedAt, string? XmlUrl,
    string? DanfeUrl, string Situation)
{
    /// <summary>When the note's DANFE and XML links were revoked (they answer 410 Gone; <see cref="XmlUrl"/> and
    /// <see cref="DanfeUrl"/> are then null); null while they are valid.</summary>
    public DateTimeOffset? LinksRevokedAt { get; init; }

    /// <summary>Until when an authorized note may still be cancelled (the UF's deadline after authorization); null otherwise.</summary>
    public DateTimeOffset? CancellableUntil { get; init; }

    /// <summary>A cancelled note (<see cref="Status"/> Cancelled, situation Cancelada): when, SEFAZ's protocol of the
    /// event and the justification. Its DANFE is marked CANCELADA and its XML link answers a zip with the nfeProc and
    /// the procEventoNFe.</summary>
    public NfeCancellation? Cancellation { get; init; }

    /// <summary>The cartas de correção registered, in sequence; <see cref="CorrectionPdfUrl"/> is the latest one's PDF.</summary>
    public IReadOnlyList<NfeCorrectionView> Corrections { get; init; } = [];

    public string? CorrectionPdfUrl { get; init; }
}

/// <summary>A note's cancellation (evento 110111) as SEFAZ registered it.</summary>
public sealed record NfeCancellation(DateTimeOffset CancelledAt, string Protocol, string Justification);

/// <summary>One carta de correção (evento 110110): its sequence (nSeqEvento, 1 to 20), text and SEFAZ's protocol.</summary>
public sealed record NfeCorrectionView(int Sequence, string Text, string Protocol, DateTimeOffset RegisteredAt);

/// <summary><c>POST /api/invoicing/nfes/{id}/cancel</c>: why, 15 to 255 characters (SEFAZ's xJust).</summary>
public sealed record CancelRequest(string? Justification);

/// <summary><c>POST /api/invoicing/nfes/{id}/correction</c>: the correction, 15 to 1000 characters (xCorrecao); it may not
/// change taxes, values, quantities, the parties or the dates (the CC-e's conditions of use, sent with it).</summary>
public sealed record CorrectionRequest(string? Text);

/// <summary><c>GET /api/invoicing/nfes?situation=&amp;status=&amp;from=&amp;to=&amp;number=&amp;salesOrderId=&amp;batchId=&amp;page=&amp;pageSize=</c>:
/// one page (newest first; <c>pageSize</c> 1–200, 50 by default), the total after every filter, and
/// <see cref="Situations"/>: how many notes each situation has after the other filters, before the situation filter
/// (every situation present, zero included). <c>from</c>/<c>to</c> are São Paulo days (yyyy-MM-dd, both included) or instants.</summary>
public sealed record NfePage(IReadOnlyList<NfeResponse> Items, int Page, int PageSize, long Total, IReadOnlyDictionary<string, int> Situations);

/// <summary>A note's situation as the screen names it; <c>situation=</c> takes these (any case).</summary>
public static class NfeSituations
{
    /// <summary>Pending or awaiting SEFAZ's receipt.</summary>
    public const string Waiting = "Aguardando";
    public const string Authorized = "Autorizada";
    /// <summary>SEFAZ refused it (cStat and motivo shown); it can be re-sent after a fix, or its number voided.</summary>
    public const string Rejected = "Rejeitada";
    public const string Denied = "Denegada";
    /// <summary>A rejected note whose number was voided at SEFAZ (inutilização).</summary>
    public const string Voided = "Inutilizada";
    /// <summary>An authorized note cancelled at SEFAZ (evento 110111).</summary>
    public const string Cancelled = "Cancelada";

    public static readonly IReadOnlyList<string> All = [Waiting, Authorized, Rejected, Denied, Voided, Cancelled];
}

/// <summary><c>POST /api/invoicing/nfes/{id}/void</c>: why the number is voided, 15 to 255 characters (SEFAZ's xJust).</summary>
public sealed record VoidRequest(string? Justification);
