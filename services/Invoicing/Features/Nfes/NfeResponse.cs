namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>A note as the API shows it: identity, status with SEFAZ's code and reason (or why it is still waiting), and
/// the signed links to its nfeProc and its DANFE once authorized.</summary>
public sealed record NfeResponse(
    Guid Id, Guid SalesOrderId, Guid BatchId, string TrayOrderId, int Series, int Number, string Key, decimal Total, DateTimeOffset IssuedAt,
    string Status, string? StatusCode, string? Reason, string? Waiting, string? Protocol, DateTimeOffset? AuthorizedAt, string? XmlUrl,
    string? DanfeUrl)
{
    /// <summary>The links are shown only for an authorized note.</summary>
    public static NfeResponse From(NfeRecord n, string? xmlUrl, string? danfeUrl)
    {
        var authorized = n.Status == NfeStatus.Authorized;
        return new(n.Id, n.SalesOrderId, n.BatchId, n.TrayOrderId, n.Series, n.Number, n.Key, n.Total, n.IssuedAt, n.Status.ToString(),
            n.StatusCode, n.Reason, n.LastError, n.Protocol, n.AuthorizedAt, authorized ? xmlUrl : null, authorized ? danfeUrl : null);
    }
}
