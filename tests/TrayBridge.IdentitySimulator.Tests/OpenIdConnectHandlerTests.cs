using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayBridge.TestSupport;

namespace TrayBridge.IdentitySimulator.Tests;

/// <summary>ASP.NET Core's OpenID Connect handler — what the panel signs in with — against the simulator, with its
/// defaults (code flow, PKCE, form_post) but for its cookies over plain HTTP: signed in with the user's tenant and roles,
/// signed out at both ends.</summary>
public sealed partial class OpenIdConnectHandlerTests(IdentityHost identity) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private WebApplication? _app;
    private Exception? _failure; // why the handler refused the callback, for the failure message
    // One cookie jar for both hosts, as a browser has: cookies are per host, not per port.
    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    private Uri App(string path) => new($"http://127.0.0.1:{identity.HandlerPort}/{path}");

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{identity.HandlerPort}");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        }).AddCookie().AddOpenIdConnect(o =>
        {
            o.Authority = identity.BaseAddress.ToString();
            o.RequireHttpsMetadata = false;
            o.ClientId = IdentityHost.HandlerClientId;
            o.ClientSecret = IdentityHost.HandlerClientSecret;
            o.ResponseType = "code";
            o.Scope.Add("email");
            o.Scope.Add("offline_access");
            o.SaveTokens = true;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = "name";
            o.TokenValidationParameters.RoleClaimType = "role";
            // Over plain HTTP the handler's default Secure correlation and nonce cookies never come back ("Correlation
            // failed"): the panel on loopback needs these two lines as well. Lax is enough: the simulator is same-site.
            o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.Events.OnRemoteFailure = context => { _failure = context.Failure; return Task.CompletedTask; };
        });
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGet("/me", async (HttpContext http, ClaimsPrincipal user) =>
            $"{user.FindFirst("tenant_id")?.Value}|{user.IsInRole("admin")}|{user.IsInRole("operator")}|{await http.GetTokenAsync("refresh_token")}")
            .RequireAuthorization();
        _app.MapGet("/logout", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/bye" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        await _app.StartAsync(Ct);
    }

    [Fact]
    public async Task The_panels_handler_signs_in_with_the_tenant_and_roles_and_its_sign_out_ends_the_refresh_token()
    {
        var user = await identity.CreateUserAsync("tenant-handler", "admin", "operator");
        using var flow = identity.NewFlow();

        var authorize = await _browser.GetAsync(App("me"), Ct);
        Assert.StartsWith(identity.BaseAddress + "connect/authorize?", authorize.Headers.Location!.ToString());
        var loginPage = await _browser.GetAsync(authorize.Headers.Location, Ct);
        Assert.True(IdentityFlow.IsRedirectTo(loginPage, "/account/login"));
        var login = await PostLoginAsync(new Uri(identity.BaseAddress, loginPage.Headers.Location!), user);
        var formPost = await _browser.GetAsync(new Uri(identity.BaseAddress, login.Headers.Location!), Ct);
        var callback = await SubmitAsync(await formPost.Content.ReadAsStringAsync(Ct));
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"{(int)callback.StatusCode}: {_failure}");
        Assert.Equal(App("me").PathAndQuery, callback.Headers.Location!.OriginalString);

        var me = (await _browser.GetStringAsync(App("me"), Ct)).Split('|');
        Assert.Equal(["tenant-handler", "True", "True"], me[..3]);
        var refreshToken = me[3];
        Assert.False(string.IsNullOrEmpty(refreshToken));

        var logout = await _browser.GetAsync(App("logout"), Ct);
        Assert.StartsWith(identity.BaseAddress + "connect/logout?", logout.Headers.Location!.ToString());
        var back = await _browser.GetAsync(logout.Headers.Location, Ct);
        Assert.StartsWith(App("signout-callback-oidc").ToString(), back.Headers.Location!.ToString());
        var done = await _browser.GetAsync(back.Headers.Location, Ct);
        Assert.Equal("/bye", done.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await _browser.GetAsync(App("me"), Ct)).StatusCode); // signed out of the app
        using var handlerClient = new IdentityFlow(identity.BaseAddress, IdentityHost.HandlerClientId, IdentityHost.HandlerClientSecret, "");
        var refresh = await handlerClient.PostTokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });
        Assert.Equal("invalid_grant", await CodeFlowTests.ErrorOf(refresh));
    }

    private async Task<HttpResponseMessage> PostLoginAsync(Uri loginPage, IdentityUserCredentials user)
    {
        var html = await _browser.GetStringAsync(loginPage, Ct);
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["email"] = user.Email;
        fields["password"] = user.Password;
        var response = await _browser.PostAsync(new Uri(identity.BaseAddress, "account/login"), new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    /// <summary>What the browser does with a form_post answer: posts its hidden fields to its action.</summary>
    private async Task<HttpResponseMessage> SubmitAsync(string html)
    {
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups["action"].Value);
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Contains("code", fields.Keys);
        return await _browser.PostAsync(action, new FormUrlEncodedContent(fields), Ct);
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<form[^>]*action="(?<action>[^"]+)""")]
    private static partial Regex FormAction();

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}
