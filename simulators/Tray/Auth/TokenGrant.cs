namespace TrayBridge.TraySimulator.Auth;

/// <summary>A pair of tokens handed to an app for a store (tray-api.md §2.3–2.5).</summary>
public sealed record TokenGrant(
    string StoreId,
    string ConsumerKey,
    string AppCode,
    string AccessToken,
    string RefreshToken,
    DateTimeOffset ActivatedAt,
    DateTimeOffset AccessExpiresAt,
    DateTimeOffset RefreshExpiresAt);
