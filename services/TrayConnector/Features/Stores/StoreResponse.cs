namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>A store as users see it: never a code or a token.</summary>
public sealed record StoreResponse(string StoreId, string Platform, string ApiAddress, string ApiHost, string Status, string? StatusReason,
    DateTimeOffset AccessExpiresAt, DateTimeOffset RefreshExpiresAt, bool ReauthorizationSoon, DateTimeOffset RegisteredAt, int DailyLimit,
    int? RequestsToday)
{
    public const string TrayCommerce = "TrayCommerce";

    public static StoreResponse From(TrayStore s, DateTimeOffset now, TimeSpan warning, int? requestsToday = null) =>
        new(s.Id, TrayCommerce, s.ApiAddress, s.ApiHost, s.Status.ToString(), s.StatusReason, s.AccessExpiresAt, s.RefreshExpiresAt,
            s.RefreshExpiresAt - now <= warning, s.RegisteredAt, s.DailyLimit, requestsToday);
}
