using System.Security.Cryptography;
using System.Text;

namespace TrayBridge.IdentitySimulator.Users;

/// <summary>A person who can sign in: of one tenant, with one or more roles (<c>admin</c>, <c>operator</c>) — or of the
/// platform's operation (<c>platform</c>), with no tenant at all (<see cref="TenantId"/> empty, no <c>tenant_id</c> claim).</summary>
public sealed record IdentityUser(string Subject, string Email, string Name, string TenantId, IReadOnlyList<string> Roles, string PasswordHash)
{
    public static readonly IReadOnlySet<string> KnownRoles = new HashSet<string>(StringComparer.Ordinal) { "admin", "operator", Platform };

    /// <summary>The SaaS's own operations staff: never a tenant's user, so a platform user has no tenant and no other role.</summary>
    public const string Platform = "platform";

    /// <summary>The <c>sub</c> is derived from the e-mail (its natural key), so it is the same after every restart.</summary>
    public static string SubjectOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(email))))[..32];

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
