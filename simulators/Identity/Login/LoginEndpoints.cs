using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using TrayBridge.IdentitySimulator.Server;
using TrayBridge.IdentitySimulator.Sessions;
using TrayBridge.IdentitySimulator.Users;

namespace TrayBridge.IdentitySimulator.Login;

public sealed record LoginForm(string? Email, string? Password, string? ReturnUrl);

/// <summary>The login form (anti-forgery protected: minimal APIs check the token of a [FromForm] body) and the page
/// shown after a logout. A good password starts a session at the identity provider, kept in a cookie.</summary>
public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Html(http, antiforgery, "", returnUrl, failed: false));
        app.MapPost("/account/login", async (HttpContext http, IAntiforgery antiforgery, UserDirectory users, SessionRegistry sessions,
            [FromForm] LoginForm form) =>
        {
            var user = users.Verify(form.Email, form.Password);
            if (user is null) return Html(http, antiforgery, form.Email ?? "", form.ReturnUrl, failed: true);
            var identity = new ClaimsIdentity([
                new Claim("sub", user.Subject), new Claim(UserPrincipal.SessionClaim, sessions.Start(user.Subject)),
                new Claim("name", user.Name)], CookieAuthenticationDefaults.AuthenticationScheme, "name", "role");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/account/signed-in");
        });
        app.MapGet("/account/signed-in", () => Results.Content(LoginPage.Page("Você entrou no TrayBridge",
            "<h1>Você entrou no TrayBridge</h1>"), "text/html; charset=utf-8"));
        app.MapGet("/account/logged-out", () => Results.Content(LoginPage.LoggedOut(), "text/html; charset=utf-8"));
        return app;
    }

    private static IResult Html(HttpContext http, IAntiforgery antiforgery, string email, string? returnUrl, bool failed)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var page = LoginPage.Render(email, IsLocal(returnUrl) ? returnUrl! : "", tokens.FormFieldName, tokens.RequestToken!, failed);
        return Results.Content(page, "text/html; charset=utf-8", statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    /// <summary>Only paths of this host: anything else would make the login page an open redirector.</summary>
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
