using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace TrayBridge.TestSupport;

/// <summary>In an Authority-mode system the hosts accept only the identity provider's tokens: a test's
/// <c>Client(host, tenantId)</c> then acts as an admin user of that tenant, created on the provider the first time and
/// signed in through the real code flow; the token is kept until shortly before it expires.</summary>
public sealed class IdentityTenantTokens(TrayBridgeSystem system)
{
    private sealed record Entry(IdentityUserCredentials User, string? Token, DateTimeOffset RenewAt);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<string> ForAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var gate = _locks.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var entry = _entries.TryGetValue(tenantId, out var known) ? known : new Entry(await system.CreateUserAsync(tenantId, "admin"), null, default);
            if (entry.Token is null || DateTimeOffset.UtcNow >= entry.RenewAt)
            {
                using var flow = system.NewIdentityFlow();
                var tokens = await flow.SignInAsync(entry.User.Email, entry.User.Password);
                entry = entry with { Token = tokens.AccessToken, RenewAt = DateTimeOffset.UtcNow.AddSeconds(tokens.ExpiresIn * 2 / 3) };
            }
            _entries[tenantId] = entry;
            return entry.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Puts the tenant admin's current token on every request.</summary>
    public sealed class Handler(IdentityTenantTokens tokens, string tenantId) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.ForAsync(tenantId, cancellationToken));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
