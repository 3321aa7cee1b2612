using System.Net;
using TrayBridge.TestSupport;

namespace TrayBridge.IdentitySimulator.Tests;

public sealed class RefreshAndLogoutTests(IdentityHost identity)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refresh_gives_a_new_access_token_until_the_user_signs_out()
    {
        var user = await identity.CreateUserAsync("tenant-refresh");
        using var flow = identity.NewFlow();
        var tokens = await flow.SignInAsync(user.Email, user.Password);

        var refreshed = await flow.RefreshAsync(tokens.RefreshToken!);
        Assert.Equal("tenant-refresh", (await Jwks.ValidateAsync(identity, refreshed.AccessToken)).GetClaim("tenant_id").Value);

        var logout = await flow.LogoutAsync(tokens.IdToken, IdentityHost.PostLogoutRedirectUri);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(IdentityHost.PostLogoutRedirectUri, logout.Headers.Location!.ToString());

        // Both refresh tokens (the first and the one the refresh gave) are dead, and the next authorize asks for the password.
        foreach (var refreshToken in new[] { tokens.RefreshToken!, refreshed.RefreshToken! })
        {
            var response = await flow.PostTokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_grant", await CodeFlowTests.ErrorOf(response));
        }
        var authorize = await flow.Http.GetAsync(flow.AuthorizeUrl(IdentityFlow.Pkce().Challenge), Ct);
        Assert.True(IdentityFlow.IsRedirectTo(authorize, "/account/login"), authorize.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_logout_from_another_browser_with_the_id_token_hint_ends_the_refresh_tokens_too()
    {
        var user = await identity.CreateUserAsync("tenant-hint");
        using var flow = identity.NewFlow();
        var tokens = await flow.SignInAsync(user.Email, user.Password);
        using var otherBrowser = identity.NewFlow();

        var logout = await otherBrowser.LogoutAsync(tokens.IdToken, IdentityHost.PostLogoutRedirectUri);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var response = await flow.PostTokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! });
        Assert.Equal("invalid_grant", await CodeFlowTests.ErrorOf(response));
    }

    [Fact]
    public async Task A_logout_to_an_unregistered_post_logout_uri_is_refused()
    {
        using var flow = identity.NewFlow();

        var logout = await flow.LogoutAsync(null, "http://evil.example/bye");

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Null(logout.Headers.Location);
    }

    [Fact]
    public async Task Another_users_sign_out_leaves_this_users_refresh_tokens_alone()
    {
        var alice = await identity.CreateUserAsync("tenant-a");
        var bob = await identity.CreateUserAsync("tenant-b");
        using var aliceBrowser = identity.NewFlow();
        using var bobBrowser = identity.NewFlow();
        var aliceTokens = await aliceBrowser.SignInAsync(alice.Email, alice.Password);
        var bobTokens = await bobBrowser.SignInAsync(bob.Email, bob.Password);

        await bobBrowser.LogoutAsync(bobTokens.IdToken, IdentityHost.PostLogoutRedirectUri);

        var refreshed = await aliceBrowser.RefreshAsync(aliceTokens.RefreshToken!);
        Assert.Equal("tenant-a", (await Jwks.ValidateAsync(identity, refreshed.AccessToken)).GetClaim("tenant_id").Value);
    }
}
