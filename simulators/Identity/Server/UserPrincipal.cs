using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using TrayBridge.IdentitySimulator.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TrayBridge.IdentitySimulator.Server;

/// <summary>The principal a code, an access token and an id token are made from: always rebuilt from the user as they
/// are now, so a refresh carries today's roles.</summary>
public static class UserPrincipal
{
    public const string TenantClaim = "tenant_id";
    public const string SessionClaim = "sid";

    private static readonly ImmutableArray<string> Allowed =
        [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess];

    public static ClaimsPrincipal Create(IdentityUser user, string sessionId, IEnumerable<string> requestedScopes, string audience)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Email, user.Email)
            // A platform user has no tenant: the claim is left out (an empty value removes it), never sent empty.
            .SetClaim(TenantClaim, user.TenantId is { Length: > 0 } tenant ? tenant : null)
            .SetClaim(SessionClaim, sessionId)
            .SetClaims(Claims.Role, [.. user.Roles]);
        identity.SetScopes(requestedScopes.Where(Allowed.Contains));
        identity.SetAudiences(audience);
        // The APIs read the user from the access token and the panel from the id token: both get every claim. The session
        // id stays in the id token (and in codes and refresh tokens, which always hold every claim).
        identity.SetDestinations(claim => claim.Type == SessionClaim
            ? [Destinations.IdentityToken]
            : [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
