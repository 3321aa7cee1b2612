namespace TrayBridge.Api.Invoicing;

/// <summary>A note: identity, <see cref="Status"/> (Pending, AwaitingReceipt, Authorized, Rejected, Denied, Voided) and
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
}

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

    public static readonly IReadOnlyList<string> All = [Waiting, Authorized, Rejected, Denied, Voided];
}

/// <summary><c>POST /api/invoicing/nfes/{id}/void</c>: why the number is voided, 15 to 255 characters (SEFAZ's xJust).</summary>
public sealed record VoidRequest(string? Justification);
