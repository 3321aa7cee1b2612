using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using TrayBridge.IdentitySimulator.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TrayBridge.IdentitySimulator.Connect;

/// <summary>The end-session endpoint: ends the identity provider's session and every other session of the user, so
/// their refresh tokens stop working, then sends the browser to the client's registered post_logout_redirect_uri.</summary>
public static class LogoutEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, SessionRegistry sessions)
    {
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        // Without the cookie (another browser), the id_token_hint names the user.
        var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = session.Principal?.FindFirst(Claims.Subject)?.Value ?? hint.Principal?.GetClaim(Claims.Subject);
        if (subject is not null) sessions.EndAllOf(subject);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/logged-out" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
