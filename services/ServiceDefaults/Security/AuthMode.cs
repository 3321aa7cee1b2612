using Microsoft.Extensions.Configuration;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>How every host checks bearer tokens (<c>Auth:Mode</c>), one mode at a time: a host that trusted both would
/// let a leaked development key reach production, and an identity provider's tokens reach a test system.</summary>
public enum AuthMode
{
    /// <summary>Production: the identity provider's access tokens (<c>Auth:Authority</c>: OIDC metadata and JWKS, RS256
    /// only). No shared signing key is read; an HS256 token is refused whatever key signed it.</summary>
    Authority,

    /// <summary>Development and tests: HS256 tokens signed with <c>Auth:SigningKey</c>; no identity provider is trusted.</summary>
    SharedKey,
}

public static class AuthModes
{
    public const string Setting = "Auth:Mode";

    /// <summary>The configured mode. Absent, <see cref="AuthMode.Authority"/>: production is the default, so a deployment
    /// that forgets the setting asks for an identity provider instead of quietly trusting a shared key.</summary>
    public static AuthMode From(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value)) return AuthMode.Authority;
        return value.Trim() switch
        {
            var v when v.Equals(nameof(AuthMode.Authority), StringComparison.OrdinalIgnoreCase) => AuthMode.Authority,
            var v when v.Equals(nameof(AuthMode.SharedKey), StringComparison.OrdinalIgnoreCase) => AuthMode.SharedKey,
            _ => throw new InvalidOperationException(
                $"'{Setting}' is '{value}': it must be 'Authority' (production: the identity provider's RS256 tokens, Auth:Authority) " +
                "or 'SharedKey' (development and tests: HS256 tokens signed with Auth:SigningKey)."),
        };
    }
}
