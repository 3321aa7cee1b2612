using System.Security.Cryptography;
using System.Text;
using TrayBridge.IdentitySimulator.Settings;

namespace TrayBridge.IdentitySimulator.Clients;

/// <summary>The clients of the configuration. OpenIddict runs without a database (degraded mode), so this is what
/// checks client ids, secrets and redirect URIs in its place.</summary>
public sealed class ClientRegistry(IdentitySettings settings)
{
    private readonly Dictionary<string, ClientSettings> _clients = settings.Clients
        .Where(c => c.ClientId.Length > 0)
        .ToDictionary(c => c.ClientId, StringComparer.Ordinal);

    public bool Exists(string? clientId) => clientId is not null && _clients.ContainsKey(clientId);

    /// <summary>Redirect URIs are compared whole and exactly, as OAuth 2.1 asks: no prefix, no wildcard.</summary>
    public bool AllowsRedirect(string? clientId, string? redirectUri) =>
        clientId is not null && redirectUri is not null && _clients.TryGetValue(clientId, out var client)
        && client.RedirectUris.Contains(redirectUri, StringComparer.Ordinal);

    /// <summary>A logout may name no client (only an id_token_hint): then any client's post-logout URI will do.</summary>
    public bool AllowsPostLogoutRedirect(string? clientId, string redirectUri) =>
        (clientId is null ? _clients.Values.ToList() : _clients.TryGetValue(clientId, out var c) ? [c] : [])
        .Any(client => client.PostLogoutRedirectUris.Contains(redirectUri, StringComparer.Ordinal));

    public bool SecretMatches(string? clientId, string? secret)
    {
        if (clientId is null || secret is null || !_clients.TryGetValue(clientId, out var client) || client.ClientSecret.Length == 0)
            return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)),
            SHA256.HashData(Encoding.UTF8.GetBytes(client.ClientSecret)));
    }
}
