using System.Security.Cryptography;
using System.Text;

namespace TrayBridge.IdentitySimulator.Users;

/// <summary>A person who can sign in: of one tenant, with one or more roles (<c>admin</c>, <c>operator</c>).</summary>
public sealed record IdentityUser(string Subject, string Email, string Name, string TenantId, IReadOnlyList<string> Roles, string PasswordHash)
{
    public static readonly IReadOnlySet<string> KnownRoles = new HashSet<string>(StringComparer.Ordinal) { "admin", "operator" };

    /// <summary>The <c>sub</c> is derived from the e-mail (its natural key), so it is the same after every restart.</summary>
    public static string SubjectOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(email))))[..32];

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
