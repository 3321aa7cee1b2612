using TrayBridge.Api;
using TrayBridge.Api.Invoicing;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>How a stored note is shown: the API's <see cref="NfeResponse"/>, its situation for people, its state in a
/// batch and, when it did not go through, the reason with a stable code (SEFAZ's cStat and motivo kept in the detail).</summary>
public static class NfeViews
{
    /// <summary>The links are shown only for an authorized (or cancelled: its DANFE marked CANCELADA is what the
    /// accountant needs) note whose links were not revoked.</summary>
    public static NfeResponse From(NfeRecord n, string? xmlUrl, string? danfeUrl, string? correctionUrl = null, DateTimeOffset? cancellableUntil = null)
    {
        var linked = n.Status is NfeStatus.Authorized or NfeStatus.Cancelled && !NfeLinks.IsRevoked(n);
        return new(n.Id, n.SalesOrderId, n.BatchId, n.TrayOrderId, n.Series, n.Number, n.Key, n.Total, n.IssuedAt, n.Status.ToString(),
            n.StatusCode, n.Reason, n.LastError, n.Protocol, n.AuthorizedAt, linked ? xmlUrl : null, linked ? danfeUrl : null,
            Situation(n.Status))
        {
            LinksRevokedAt = n.LinksRevokedAt,
            CancellableUntil = n.Status == NfeStatus.Authorized ? cancellableUntil : null,
            Cancellation = n.CancelledAt is { } at ? new NfeCancellation(at, n.CancellationProtocol ?? "", n.CancellationJustification ?? "") : null,
            Corrections = [.. n.Corrections.Select(c => new NfeCorrectionView(c.Sequence, c.Text, c.Protocol, c.RegisteredAt))],
            CorrectionPdfUrl = linked && n.Corrections.Count > 0 ? correctionUrl : null,
        };
    }

    /// <summary>The view with every link of the note and its cancellation deadline.</summary>
    public static NfeResponse WithLinks(NfeRecord n, Sending.NfeOutcomes outcomes, string tenantId) =>
        From(n, outcomes.XmlUrl(tenantId, n.Id), outcomes.DanfeUrl(tenantId, n.Id), outcomes.CorrectionUrl(tenantId, n.Id), outcomes.CancellableUntil(n));

    public static string Situation(NfeStatus status) => status switch
    {
        NfeStatus.Authorized => NfeSituations.Authorized,
        NfeStatus.Rejected => NfeSituations.Rejected,
        NfeStatus.Denied => NfeSituations.Denied,
        NfeStatus.Voided => NfeSituations.Voided,
        NfeStatus.Cancelled => NfeSituations.Cancelled,
        _ => NfeSituations.Waiting,
    };

    /// <summary>The statuses a situation stands for; null when it is none of <see cref="NfeSituations.All"/>.</summary>
    public static NfeStatus[]? Statuses(string situation) =>
        NfeSituations.All.FirstOrDefault(s => s.Equals(situation.Trim(), StringComparison.OrdinalIgnoreCase)) is { } known
            ? Enum.GetValues<NfeStatus>().Where(s => Situation(s) == known).ToArray()
            : null;

    public static string BatchState(NfeStatus status) => status switch
    {
        NfeStatus.Authorized => BatchOrderStates.Authorized,
        NfeStatus.Rejected => BatchOrderStates.Rejected,
        NfeStatus.Denied => BatchOrderStates.Denied,
        NfeStatus.Voided => BatchOrderStates.Voided,
        NfeStatus.Cancelled => BatchOrderStates.Cancelled,
        _ => BatchOrderStates.Issued,
    };

    /// <summary>Why a note is not (yet) authorized, or null when it is.</summary>
    public static Reason? Why(NfeStatus status, string? cStat, string? motivo, string? waiting) => status switch
    {
        NfeStatus.Rejected => new("sefaz.rejected", $"Rejeitada pela SEFAZ ({cStat}): {motivo}. Corrija o pedido e reenvie a nota, ou inutilize o número."),
        NfeStatus.Denied => new("sefaz.denied", $"Uso denegado pela SEFAZ ({cStat}): {motivo}. O número fica usado."),
        NfeStatus.Voided => new("nfe.voided", $"Número inutilizado na SEFAZ ({cStat}): {motivo}."),
        NfeStatus.Pending or NfeStatus.AwaitingReceipt when waiting is { Length: > 0 } => new("sefaz.unavailable", waiting),
        _ => null,
    };
}
