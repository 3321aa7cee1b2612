using Microsoft.Extensions.Configuration;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>The <c>Auth</c> configuration section shared by the gateway and every service.</summary>
public sealed record AuthSettings(string Issuer, string Audience, string SigningKey, string UrlSigningKey)
{
    public static AuthSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        string Required(string key) => section[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Configuration 'Auth:{key}' is missing.");
        var settings = new AuthSettings(Required("Issuer"), Required("Audience"), Required("SigningKey"), Required("UrlSigningKey"));
        if ((SharedKeyPolicy.Refusal("Auth:SigningKey", settings.SigningKey)
             ?? SharedKeyPolicy.Refusal("Auth:UrlSigningKey", settings.UrlSigningKey)) is { } refusal)
            throw new InvalidOperationException(refusal);
        return settings;
    }
}
