using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using TrayBridge.IdentitySimulator.Server;
using TrayBridge.IdentitySimulator.Sessions;
using TrayBridge.IdentitySimulator.Settings;
using TrayBridge.IdentitySimulator.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TrayBridge.IdentitySimulator.Connect;

/// <summary>The authorization endpoint (code flow; OpenIddict has checked the client, the redirect URI and PKCE). A
/// live session at the identity provider answers at once; otherwise the login page comes first and brings the user back.</summary>
public static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, UserDirectory users, SessionRegistry sessions, IdentitySettings settings)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var user = users.Find(session.Principal?.FindFirst(Claims.Subject)?.Value);
        var sessionId = session.Principal?.FindFirst(UserPrincipal.SessionClaim)?.Value;
        if (user is null || !sessions.IsActive(sessionId, user.Subject) || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return OpenIdErrors.Forbid(Errors.LoginRequired, "Nenhuma sessao ativa.");
            return Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrl(http) },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }
        var principal = UserPrincipal.Create(user, sessionId!, request.GetScopes(), settings.Audience);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>This same request, to come back to after the login — without <c>prompt</c>, or prompt=login would ask again forever.</summary>
    private static string ReturnUrl(HttpContext http)
    {
        var parameters = (http.Request.HasFormContentType ? http.Request.Form.AsEnumerable() : http.Request.Query.AsEnumerable())
            .Where(p => p.Key != Parameters.Prompt)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
    }
}
