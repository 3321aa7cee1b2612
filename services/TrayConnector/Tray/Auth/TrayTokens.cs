namespace TrayBridge.TrayConnector.Tray.Auth;

/// <summary>A usable token pair. Expiries are computed on our clock as now + (Tray's expiry − Tray's activation), so a
/// skewed or offset-less Tray clock cannot make us use a token late (architecture.md, Traps: time).</summary>
public sealed record TrayTokens(string AccessToken, string RefreshToken, DateTimeOffset AccessExpiresAt, DateTimeOffset RefreshExpiresAt,
    string ApiHost, string StoreId)
{
    public static TrayTokens From(TrayTokenResponse response, DateTimeOffset now, string apiAddress)
    {
        if (string.IsNullOrEmpty(response.AccessToken) || string.IsNullOrEmpty(response.RefreshToken))
            throw new InvalidDataException("Tray's token answer has no access_token or refresh_token.");
        var activated = response.DateActivated ?? now;
        var access = (response.DateExpirationAccessToken ?? activated.AddHours(3)) - activated;
        var refresh = (response.DateExpirationRefreshToken ?? activated.AddDays(30)) - activated;
        return new TrayTokens(response.AccessToken, response.RefreshToken, now + access, now + refresh,
            string.IsNullOrWhiteSpace(response.ApiHost) ? apiAddress : response.ApiHost.TrimEnd('/'), response.StoreId ?? "");
    }
}
