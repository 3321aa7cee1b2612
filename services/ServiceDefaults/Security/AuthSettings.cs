using Microsoft.Extensions.Configuration;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>The <c>Auth</c> configuration section shared by the gateway and every service. The token fields
/// (<c>Issuer</c>, <c>Audience</c>, <c>SigningKey</c>) are read in <see cref="AuthMode.SharedKey"/> mode only (empty
/// otherwise); <c>UrlSigningKey</c> only by the services, which sign the public links (<see cref="From"/>) — the gateway
/// reads <see cref="ForTokens"/> and never holds it.</summary>
public sealed record AuthSettings(string Issuer, string Audience, string SigningKey, string UrlSigningKey)
{
    /// <summary>A service's settings: the token fields of its mode and the URL signing key.</summary>
    public static AuthSettings From(IConfiguration configuration) => Read(configuration, withUrlKey: true);

    /// <summary>What validating tokens needs, without the URL signing key (the gateway).</summary>
    public static AuthSettings ForTokens(IConfiguration configuration) => Read(configuration, withUrlKey: false);

    private static AuthSettings Read(IConfiguration configuration, bool withUrlKey)
    {
        var section = configuration.GetSection("Auth");
        var mode = AuthModes.From(configuration);
        string Required(string key) => section[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Configuration 'Auth:{key}' is missing{(key == "UrlSigningKey" ? "" : $" (Auth:Mode is {mode})")}.");
        var settings = mode == AuthMode.SharedKey
            ? new AuthSettings(Required("Issuer"), Required("Audience"), Required("SigningKey"), "")
            : new AuthSettings("", "", "", "");
        if (withUrlKey) settings = settings with { UrlSigningKey = Required("UrlSigningKey") };
        if ((KeyRefusal("Auth:SigningKey", settings.SigningKey) ?? KeyRefusal("Auth:UrlSigningKey", settings.UrlSigningKey)) is { } refusal)
            throw new InvalidOperationException(refusal);
        return settings;
    }

    private static string? KeyRefusal(string setting, string key) => key.Length == 0 ? null : SharedKeyPolicy.Refusal(setting, key);
}
