using System.Net.Http.Json;
using System.Security.Cryptography;

namespace TrayBridge.TestSupport;

/// <summary>A user a test created on the identity provider simulator, and what it signs in with.</summary>
public sealed record IdentityUserCredentials(string Email, string Password, string TenantId, IReadOnlyList<string> Roles);

public static class IdentityUsers
{
    /// <summary>Creates a user of <paramref name="tenantId"/> with a unique e-mail through <c>POST /admin/users</c>
    /// (roles default to <c>admin</c>).</summary>
    public static async Task<IdentityUserCredentials> CreateAsync(Uri identity, string tenantId, params string[] roles)
    {
        var user = new IdentityUserCredentials($"user-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}@{tenantId}.test",
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), tenantId, roles.Length > 0 ? roles : ["admin"]);
        using var http = new HttpClient { BaseAddress = identity, Timeout = TimeSpan.FromSeconds(30) };
        var response = await http.PostAsJsonAsync("admin/users", new
        {
            email = user.Email, password = user.Password, name = $"Usuário {tenantId}", tenantId, roles = user.Roles,
        });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /admin/users answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return user;
    }
}
