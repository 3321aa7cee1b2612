using Microsoft.AspNetCore.DataProtection;
using TrayBridge.TrayConnector.Tray.Auth;
using TrayBridge.TrayConnector.Domain;

namespace TrayBridge.TrayConnector.Features.Stores;

/// <summary>Encrypts and decrypts a store's code and tokens. Nothing else touches them in clear.</summary>
public sealed class StoreSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("TrayBridge.TrayConnector.StoreSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    public void Apply(TrayStore store, TrayTokens tokens, DateTimeOffset now)
    {
        store.ProtectedAccessToken = Protect(tokens.AccessToken);
        store.ProtectedRefreshToken = Protect(tokens.RefreshToken);
        store.AccessExpiresAt = tokens.AccessExpiresAt;
        store.RefreshExpiresAt = tokens.RefreshExpiresAt;
        store.ApiHost = tokens.ApiHost;
        store.LastRefreshAt = now;
        if (store.Status != StoreStatus.Connected || store.StatusSince is null) store.StatusSince = now;
        store.Status = StoreStatus.Connected;
        store.StatusReason = null;
    }
}
