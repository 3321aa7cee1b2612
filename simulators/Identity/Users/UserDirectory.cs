using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using TrayBridge.IdentitySimulator.Settings;

namespace TrayBridge.IdentitySimulator.Users;

/// <summary>The users, in memory: the configured demo users, plus those added through <c>POST /admin/users</c>.
/// Passwords are kept only as ASP.NET Core Identity hashes.</summary>
public sealed class UserDirectory
{
    private readonly ConcurrentDictionary<string, IdentityUser> _bySubject = new(StringComparer.Ordinal);
    private readonly PasswordHasher<IdentityUser> _hasher = new();

    public UserDirectory(IdentitySettings settings)
    {
        foreach (var user in settings.Users.Where(u => u.Email.Length > 0))
            TryAdd(user.Email, user.Password, user.Name, user.TenantId, user.Roles);
    }

    /// <summary>Null when a user with that e-mail exists already.</summary>
    public IdentityUser? TryAdd(string email, string password, string name, string tenantId, IEnumerable<string> roles)
    {
        var subject = IdentityUser.SubjectOf(email);
        var user = new IdentityUser(subject, IdentityUser.Normalize(email), name.Trim(), tenantId.Trim(), roles.Distinct().ToList(), "");
        user = user with { PasswordHash = _hasher.HashPassword(user, password) };
        return _bySubject.TryAdd(subject, user) ? user : null;
    }

    public IdentityUser? Find(string? subject) => subject is not null && _bySubject.TryGetValue(subject, out var user) ? user : null;

    /// <summary>The user whose e-mail and password these are, or null (the same answer for an unknown e-mail).</summary>
    public IdentityUser? Verify(string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return null;
        var user = Find(IdentityUser.SubjectOf(email));
        return user is not null && _hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed
            ? user : null;
    }
}
