using System.Text.Json.Serialization;
using TrayBridge.TrayConnector.Tray.Json;

namespace TrayBridge.TrayConnector.Tray.Auth;

/// <summary>The body of <c>POST /auth</c> and <c>GET /auth?refresh_token=</c> (tray-api.md §2.3–2.4). <c>store_id</c> is
/// documented as a Number and shown as a string in the samples: read both.</summary>
public sealed record TrayTokenResponse(
    string? AccessToken, string? RefreshToken, DateTimeOffset? DateExpirationAccessToken, DateTimeOffset? DateExpirationRefreshToken,
    DateTimeOffset? DateActivated, string? ApiHost, [property: JsonConverter(typeof(TrayIdConverter))] string? StoreId, string? Message);
