using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TrayBridge.TestSupport;

namespace TrayBridge.IdentitySimulator.Tests;

public sealed class CodeFlowTests(IdentityHost identity)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_code_flow_with_PKCE_gives_an_RS256_access_token_for_traybridge_with_the_tenant_and_roles()
    {
        var user = await identity.CreateUserAsync("tenant-cf", "admin", "operator");
        using var flow = identity.NewFlow();

        var tokens = await flow.SignInAsync(user.Email, user.Password);

        var access = await Jwks.ValidateAsync(identity, tokens.AccessToken);
        Assert.Equal("RS256", access.Alg);
        Assert.Equal(["traybridge"], access.Audiences);
        Assert.Equal("tenant-cf", access.GetClaim("tenant_id").Value);
        Assert.Equal(["admin", "operator"], access.Claims.Where(c => c.Type == "role").Select(c => c.Value).Order());
        Assert.Equal(user.Email, access.GetClaim("email").Value);
        Assert.Equal("Usuário tenant-cf", access.GetClaim("name").Value);
        Assert.False(string.IsNullOrEmpty(access.Subject));
        Assert.True(access.ValidTo - access.IssuedAt <= TimeSpan.FromMinutes(10)); // the default lifetime
        // The id token, for the panel, carries the same user.
        var id = await Jwks.ValidateAsync(identity, tokens.IdToken!, audience: IdentityHost.ClientId);
        Assert.Equal("tenant-cf", id.GetClaim("tenant_id").Value);
        Assert.Equal(["admin", "operator"], id.Claims.Where(c => c.Type == "role").Select(c => c.Value).Order());
        Assert.Equal(access.Subject, id.Subject);
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
    }

    [Fact]
    public async Task A_second_authorize_in_the_same_browser_is_silent()
    {
        var user = await identity.CreateUserAsync("tenant-silent");
        using var flow = identity.NewFlow();
        await flow.SignInAsync(user.Email, user.Password);

        var (verifier, challenge) = IdentityFlow.Pkce();
        var response = await flow.Http.GetAsync(flow.AuthorizeUrl(challenge), Ct);

        var tokens = await flow.RedeemAsync(flow.CodeFrom(response), verifier);
        Assert.Equal("tenant-silent", (await Jwks.ValidateAsync(identity, tokens.AccessToken)).GetClaim("tenant_id").Value);
    }

    [Fact]
    public async Task Without_a_code_challenge_the_authorization_request_is_refused()
    {
        using var flow = identity.NewFlow();

        var response = await flow.Http.GetAsync(flow.AuthorizeUrl(codeChallenge: null), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code_challenge", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_plain_code_challenge_is_refused()
    {
        using var flow = identity.NewFlow();
        var url = flow.AuthorizeUrl("x".PadRight(43, 'x')).Replace("code_challenge_method=S256", "code_challenge_method=plain");

        var response = await flow.Http.GetAsync(url, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || RedirectError(response) == "invalid_request",
            $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Null(IdentityFlow.QueryValue(response.Headers.Location?.ToString() ?? "", "code"));
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_and_never_redirected_to()
    {
        using var flow = new IdentityFlow(identity.BaseAddress, IdentityHost.ClientId, IdentityHost.ClientSecret, "http://evil.example/cb");

        var response = await flow.Http.GetAsync(flow.AuthorizeUrl(IdentityFlow.Pkce().Challenge), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_wrong_client_secret_or_code_verifier_cannot_redeem_the_code()
    {
        var user = await identity.CreateUserAsync("tenant-secret");
        using var flow = identity.NewFlow();
        var (verifier, challenge) = IdentityFlow.Pkce();
        var login = await flow.LoginAsync(new Uri(identity.BaseAddress, "account/login"), user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var code = flow.CodeFrom(await flow.Http.GetAsync(flow.AuthorizeUrl(challenge), Ct));
        Dictionary<string, string> Redeem(string v) => new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = v, ["redirect_uri"] = flow.RedirectUri,
        };

        var wrongSecret = await flow.PostTokenAsync(Redeem(verifier), secret: "not-the-secret");
        var wrongVerifier = await flow.PostTokenAsync(Redeem(IdentityFlow.Pkce().Verifier));

        Assert.False(wrongSecret.IsSuccessStatusCode);
        Assert.Equal("invalid_client", await ErrorOf(wrongSecret));
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOf(wrongVerifier));
    }

    [Fact]
    public async Task A_code_is_redeemed_once_and_a_second_try_ends_what_it_gave()
    {
        var user = await identity.CreateUserAsync("tenant-replay");
        using var flow = identity.NewFlow();
        var (verifier, challenge) = IdentityFlow.Pkce();
        await flow.LoginAsync(new Uri(identity.BaseAddress, "account/login"), user.Email, user.Password);
        var code = flow.CodeFrom(await flow.Http.GetAsync(flow.AuthorizeUrl(challenge), Ct));
        var tokens = await flow.RedeemAsync(code, verifier);

        var replay = await flow.PostTokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = verifier, ["redirect_uri"] = flow.RedirectUri,
        });

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOf(replay));
        var refresh = await flow.PostTokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! });
        Assert.Equal("invalid_grant", await ErrorOf(refresh));
    }

    [Fact]
    public async Task With_prompt_none_and_no_session_the_client_gets_login_required()
    {
        using var flow = identity.NewFlow();

        var response = await flow.Http.GetAsync(flow.AuthorizeUrl(IdentityFlow.Pkce().Challenge) + "&prompt=none", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentityHost.RedirectUri + "?", response.Headers.Location!.ToString());
        Assert.Equal("login_required", RedirectError(response));
    }

    [Fact]
    public async Task Userinfo_answers_the_user_with_the_tenant_and_roles()
    {
        var user = await identity.CreateUserAsync("tenant-userinfo", "operator");
        using var flow = identity.NewFlow();
        var tokens = await flow.SignInAsync(user.Email, user.Password);
        using var http = identity.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var info = JsonNode.Parse(await http.GetStringAsync("connect/userinfo", Ct))!;

        Assert.Equal("tenant-userinfo", (string)info["tenant_id"]!);
        Assert.Equal(user.Email, (string)info["email"]!);
        Assert.Equal(["operator"], info["role"]!.AsArray().Select(r => (string)r!));
    }

    internal static string? RedirectError(HttpResponseMessage response) =>
        IdentityFlow.QueryValue(response.Headers.Location?.ToString() ?? "", "error");

    internal static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["error"];
}
