using System.Collections.Concurrent;
using System.Security.Cryptography;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Auth;

/// <summary>Issues, refreshes and checks tokens on the simulator's clock.</summary>
public sealed class TokenService(SimulatorClock clock, SettingsHolder settings)
{
    private readonly ConcurrentDictionary<string, TokenGrant> _byAccess = new();
    private readonly ConcurrentDictionary<string, TokenGrant> _byRefresh = new();
    // Replaced grants leave the lookups above; tests still need every token ever handed out, to search for leaks.
    private readonly ConcurrentQueue<TokenGrant> _issued = new();

    /// <summary>The grant behind an access token, expired or not; null when the token was never issued (or was replaced).</summary>
    public TokenGrant? FindByAccess(string? accessToken) => accessToken is null ? null : _byAccess.GetValueOrDefault(accessToken);

    public bool IsExpired(TokenGrant grant) => clock.GetUtcNow() >= grant.AccessExpiresAt;

    public TokenGrant Issue(Store store, App app) => Save(NewGrant(store.Id, app, refreshToken: null));

    /// <summary>New tokens for a valid refresh token; with rotation the old pair stops working.</summary>
    public TokenGrant? Refresh(string storeId, string? refreshToken)
    {
        if (refreshToken is null || !_byRefresh.TryGetValue(refreshToken, out var old) || old.StoreId != storeId) return null;
        if (clock.GetUtcNow() >= old.RefreshExpiresAt) return null;
        var rotate = settings.Current.RotateRefreshToken;
        _byAccess.TryRemove(old.AccessToken, out _);
        if (rotate) _byRefresh.TryRemove(refreshToken, out _);
        var grant = NewGrant(storeId, new App(old.ConsumerKey, "", old.AppCode), rotate ? null : refreshToken);
        // Without rotation the refresh token keeps its original end: re-authorisation is due 30 days after the install.
        return Save(rotate ? grant : grant with { RefreshExpiresAt = old.RefreshExpiresAt });
    }

    /// <summary>The app that most recently got tokens for a store (webhooks carry its app code).</summary>
    public TokenGrant? LatestFor(string storeId) =>
        _byRefresh.Values.Where(g => g.StoreId == storeId).MaxBy(g => g.ActivatedAt);

    /// <summary>Every grant issued for a store, replaced or expired ones included, oldest first.</summary>
    public IEnumerable<TokenGrant> IssuedFor(string storeId) => _issued.Where(g => g.StoreId == storeId);

    private TokenGrant NewGrant(string storeId, App app, string? refreshToken)
    {
        var now = clock.GetUtcNow();
        // Whole seconds: Tray's timestamps have no fraction, and clients compute expiry from them.
        now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, now.Offset);
        var current = settings.Current;
        return new TokenGrant(storeId, app.ConsumerKey, app.AppCode,
            $"APP_ID-{app.AppCode}-STORE_ID-{storeId}-{Hex()}",
            refreshToken ?? Hex(),
            now, now + current.AccessTokenLifetime, now + current.RefreshTokenLifetime);
    }

    private TokenGrant Save(TokenGrant grant)
    {
        _byAccess[grant.AccessToken] = grant;
        _byRefresh[grant.RefreshToken] = grant;
        _issued.Enqueue(grant);
        return grant;
    }

    private static string Hex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
