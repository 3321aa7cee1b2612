namespace TrayBridge.IdentitySimulator.Settings;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>The issuer (<c>iss</c>) of every token; empty: the base URL each request arrives on.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The <c>aud</c> of access tokens: what the TrayBridge hosts check (their <c>Auth:AuthorityAudience</c>).</summary>
    public string Audience { get; set; } = "traybridge";

    /// <summary>A PEM file holding the RSA signing key (made there when missing); empty: a new key at each start.</summary>
    public string SigningKeyPath { get; set; } = "";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Maps <c>/admin/users</c>: on in the simulator so tests and demos can add users; never for anything real.</summary>
    public bool AdminEnabled { get; set; }

    /// <summary>Allows the resource owner password grant (a client with its secret, a user's e-mail and password) so that
    /// scripts of a demo get tokens without a browser: on in the simulator; OAuth 2.1 drops it, never for anything real.</summary>
    public bool PasswordGrantEnabled { get; set; }

    public List<ClientSettings> Clients { get; set; } = [];
    public List<UserSettings> Users { get; set; } = [];
}

/// <summary>A confidential client (the panel): its secret and the exact URIs it may be sent back to.</summary>
public sealed class ClientSettings
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

public sealed class UserSettings
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string Name { get; set; } = "";
    public string TenantId { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}
