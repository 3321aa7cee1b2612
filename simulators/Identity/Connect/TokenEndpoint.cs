using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using TrayBridge.IdentitySimulator.Server;
using TrayBridge.IdentitySimulator.Sessions;
using TrayBridge.IdentitySimulator.Settings;
using TrayBridge.IdentitySimulator.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TrayBridge.IdentitySimulator.Connect;

/// <summary>The token endpoint, for a code or a refresh token (OpenIddict has checked the client, the code verifier and
/// the token itself). It refuses both when their session has ended at a logout — there is no token database to revoke
/// them in — and rebuilds the claims from the user as they are now. With <c>Identity:PasswordGrantEnabled</c> (development
/// only), a user's e-mail and password too, starting a session of their own.</summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, UserDirectory users, SessionRegistry sessions, RedeemedCodes codes,
        IdentitySettings settings)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsPasswordGrantType() && settings.PasswordGrantEnabled)
        {
            if (users.Verify(request.Username, request.Password) is not { } owner)
                return OpenIdErrors.Forbid(Errors.InvalidGrant, "E-mail ou senha invalidos.");
            var session = sessions.Start(owner.Subject);
            return Results.SignIn(UserPrincipal.Create(owner, session, request.GetScopes(), settings.Audience),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
            return OpenIdErrors.Forbid(Errors.UnsupportedGrantType, "Use authorization_code ou refresh_token.");
        var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = users.Find(granted?.GetClaim(Claims.Subject));
        var sessionId = granted?.GetClaim(UserPrincipal.SessionClaim);
        if (granted is null || user is null || !sessions.IsActive(sessionId, user.Subject))
            return OpenIdErrors.Forbid(Errors.InvalidGrant, "A sessao foi encerrada: entre de novo.");
        // A code presented twice has leaked: refuse it, and end its session so the tokens it already gave stop refreshing.
        if (request.IsAuthorizationCodeGrantType() && !codes.TryRedeem(request.Code!))
        {
            sessions.End(sessionId!);
            return OpenIdErrors.Forbid(Errors.InvalidGrant, "Este codigo ja foi usado.");
        }
        var principal = UserPrincipal.Create(user, sessionId!, granted.GetScopes(), settings.Audience);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
