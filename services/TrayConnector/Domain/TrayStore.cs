namespace TrayBridge.TrayConnector.Domain;

public enum StoreStatus { Connected, NeedsReauthorization, Blocked, Inactive, Cancelled }

/// <summary>A tenant's Tray store (Loja Virtual), keyed by Tray's store id. The code and tokens are held only as
/// Data Protection ciphertext.</summary>
public sealed class TrayStore
{
    public required string Id { get; set; }
    public required string ApiAddress { get; set; }
    /// <summary>The API base Tray returned (<c>api_host</c>); every call after registration goes here.</summary>
    public required string ApiHost { get; set; }
    public StoreStatus Status { get; set; }
    public string? StatusReason { get; set; }
    /// <summary>When <see cref="Status"/> last changed (null on stores kept before it was recorded: their registration).</summary>
    public DateTimeOffset? StatusSince { get; set; }
    public required string ProtectedCode { get; set; }
    public required string ProtectedAccessToken { get; set; }
    public required string ProtectedRefreshToken { get; set; }
    public DateTimeOffset AccessExpiresAt { get; set; }
    public DateTimeOffset RefreshExpiresAt { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? LastRefreshAt { get; set; }
    /// <summary>Tray's daily request budget: 10,000, or 50,000 for a corporate store.</summary>
    public int DailyLimit { get; set; } = 10_000;
}
