using Microsoft.Extensions.Configuration;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>The identity provider whose tokens the hosts accept in Authority mode (<see cref="AuthMode"/>):
/// <c>Auth:Authority</c> (its issuer URL; required in that mode) and <c>Auth:AuthorityAudience</c> (the <c>aud</c> its
/// access tokens carry).</summary>
public sealed record AuthoritySettings(Uri Authority, string Audience)
{
    public const string DefaultAudience = "traybridge";

    /// <summary>Metadata over plain HTTP only from this machine (the simulator, tests); anywhere else it must be HTTPS.</summary>
    public bool RequireHttpsMetadata => !Authority.IsLoopback;

    /// <summary>Null when <c>Auth:Authority</c> is not set.</summary>
    public static AuthoritySettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        if (section["Authority"] is not { Length: > 0 } authority) return null;
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"'Auth:Authority' must be an absolute http(s) URL, not '{authority}'.");
        return new AuthoritySettings(uri, section["AuthorityAudience"] is { Length: > 0 } audience ? audience : DefaultAudience);
    }

    /// <summary>Whether a token's <c>iss</c> is this authority (a trailing slash does not count).</summary>
    public bool Issued(string? issuer) =>
        issuer is not null && string.Equals(issuer.TrimEnd('/'), Authority.ToString().TrimEnd('/'), StringComparison.Ordinal);
}
