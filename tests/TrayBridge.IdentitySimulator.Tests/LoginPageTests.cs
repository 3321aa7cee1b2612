using System.Net;
using System.Text.RegularExpressions;
using TrayBridge.TestSupport;

namespace TrayBridge.IdentitySimulator.Tests;

public sealed class LoginPageTests(IdentityHost identity)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_authorize_without_a_session_leads_to_the_Portuguese_login_page_whose_fields_have_labels()
    {
        using var flow = identity.NewFlow();

        var authorize = await flow.Http.GetAsync(flow.AuthorizeUrl(IdentityFlow.Pkce().Challenge), Ct);
        Assert.True(IdentityFlow.IsRedirectTo(authorize, "/account/login"), authorize.Headers.Location?.ToString());
        var page = await flow.Http.GetAsync(authorize.Headers.Location, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("""<html lang="pt-BR">""", html);
        Assert.Contains("<title>Entrar no TrayBridge</title>", html);
        Assert.Contains("<h1>Entrar no TrayBridge</h1>", html);
        // Every visible field has a label tied to it by id.
        foreach (var (id, label) in new[] { ("email", "E-mail"), ("password", "Senha") })
        {
            Assert.Contains($"""<label for="{id}">{label}</label>""", html);
            Assert.Matches(new Regex($"""<input id="{id}" name="{id}" """), html);
        }
        Assert.Contains("""<button type="submit">Entrar</button>""", html);
        Assert.Contains(":focus-visible", html);
        Assert.Contains("__RequestVerificationToken", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("E-mail ou senha inválidos.", html);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_Portuguese_error_and_gives_no_session()
    {
        var user = await identity.CreateUserAsync("tenant-wrong");
        using var flow = identity.NewFlow();
        var authorize = await flow.Http.GetAsync(flow.AuthorizeUrl(IdentityFlow.Pkce().Challenge), Ct);

        var login = await flow.LoginAsync(authorize.Headers.Location!, user.Email, "not-" + user.Password);
        var html = await login.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Contains("""role="alert">E-mail ou senha inválidos.</p>""", html);
        Assert.Contains($"""value="{user.Email}" """.TrimEnd(), html); // the e-mail is kept, the password is not
        var again = await flow.Http.GetAsync(flow.AuthorizeUrl(IdentityFlow.Pkce().Challenge), Ct);
        Assert.True(IdentityFlow.IsRedirectTo(again, "/account/login"));
    }

    [Fact]
    public async Task A_login_post_without_the_anti_forgery_token_is_refused()
    {
        var user = await identity.CreateUserAsync("tenant-csrf");
        using var flow = identity.NewFlow();
        await flow.Http.GetAsync("account/login", Ct); // the anti-forgery cookie alone

        var response = await flow.Http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = user.Email, ["password"] = user.Password, ["returnUrl"] = "/account/signed-in",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var authorize = await flow.Http.GetAsync(flow.AuthorizeUrl(IdentityFlow.Pkce().Challenge), Ct);
        Assert.True(IdentityFlow.IsRedirectTo(authorize, "/account/login")); // no session was started
    }

    [Fact]
    public async Task The_login_never_redirects_off_the_identity_provider()
    {
        var user = await identity.CreateUserAsync("tenant-open-redirect");
        using var flow = identity.NewFlow();

        var login = await flow.LoginAsync(new Uri(identity.BaseAddress, "account/login?returnUrl=https%3A%2F%2Fevil.example%2F"), user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/account/signed-in", login.Headers.Location!.OriginalString);
    }
}
