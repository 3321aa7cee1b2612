namespace TrayBridge.TrayConnector.Tray.Auth;

/// <summary>The body of <c>POST /auth</c> and <c>GET /auth?refresh_token=</c> (tray-api.md §2.3–2.4).</summary>
public sealed record TrayTokenResponse(
    string? AccessToken, string? RefreshToken, DateTimeOffset? DateExpirationAccessToken, DateTimeOffset? DateExpirationRefreshToken,
    DateTimeOffset? DateActivated, string? ApiHost, string? StoreId, string? Message);
