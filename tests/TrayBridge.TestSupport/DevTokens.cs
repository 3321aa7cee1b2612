using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TrayBridge.TestSupport;

/// <summary>Signing keys of one test system, and the bearer tokens it accepts in <c>SharedKey</c> mode (<see cref="Settings"/>).
/// A token carries the <c>admin</c> role unless the test names others (none: a user with no role).</summary>
public sealed class DevTokens
{
    public const string Issuer = "traybridge";
    public const string Audience = "traybridge";

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    public string UrlSigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public string For(string tenantId) => For(tenantId, ["admin"]);

    public string For(string tenantId, IReadOnlyList<string> roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", $"user@{tenantId}"), new Claim("tenant_id", tenantId),
            .. roles.Select(role => new Claim("role", role))]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>A user of the platform's operation (issue 15): the <c>platform</c> role and no tenant claim at all.</summary>
    public string ForPlatform(string user = "plataforma@traybridge.dev") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", user), new Claim("email", user), new Claim("role", "platform")]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Auth__Mode"] = "SharedKey",
        ["Auth__Issuer"] = Issuer,
        ["Auth__Audience"] = Audience,
        ["Auth__SigningKey"] = SigningKey,
        ["Auth__UrlSigningKey"] = UrlSigningKey,
    };
}
