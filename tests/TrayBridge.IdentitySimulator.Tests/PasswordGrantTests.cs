using System.Net;
using System.Net.Http.Json;
using TrayBridge.TestSupport;

namespace TrayBridge.IdentitySimulator.Tests;

/// <summary>The development-only password grant (<c>Identity:PasswordGrantEnabled</c>, on in the simulator) through which
/// <c>build.ps1 token</c> and the demo's setup get a user's RS256 access token without a browser: the client's secret and
/// the user's password are both required, and the token carries the user's tenant and roles.</summary>
public sealed class PasswordGrantTests(IdentityHost identity)
{
    [Fact]
    public async Task A_user_and_the_client_get_an_access_token_with_tenant_and_roles_and_a_wrong_password_or_secret_gets_nothing()
    {
        var user = await identity.CreateUserAsync("tenant-password", "operator");
        using var flow = identity.NewFlow();
        Dictionary<string, string> Form(string password) => new()
        {
            ["grant_type"] = "password", ["username"] = user.Email, ["password"] = password, ["scope"] = "openid roles",
        };

        var granted = await flow.PostTokenAsync(Form(user.Password));
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var token = await Jwks.ValidateAsync(identity, (await granted.Content.ReadFromJsonAsync<IdentityTokens>(TestContext.Current.CancellationToken))!.AccessToken);
        Assert.Equal("tenant-password", token.GetClaim("tenant_id").Value);
        Assert.Equal(["operator"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));

        var wrongPassword = await flow.PostTokenAsync(Form(user.Password + "x"));
        var wrongSecret = await flow.PostTokenAsync(Form(user.Password), secret: "not-the-secret-0123456789");
        Assert.Equal("invalid_grant", await CodeFlowTests.ErrorOf(wrongPassword));
        Assert.Equal("invalid_client", await CodeFlowTests.ErrorOf(wrongSecret));
    }

    /// <summary>Issue 15: the platform's operation is no tenant's user — its token has the <c>platform</c> role and no
    /// <c>tenant_id</c> claim at all (not an empty one); a platform user with a tenant or another role is refused.</summary>
    [Fact]
    public async Task A_platform_user_has_no_tenant_claim_and_cannot_be_made_with_a_tenant_or_another_role()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = identity.Http();
        var email = $"plataforma-{Guid.NewGuid():N}@traybridge.test";
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("admin/users",
            new { email, password = "segredo-123", name = "Operação", tenantId = "loja", roles = new[] { "platform" } }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("admin/users",
            new { email, password = "segredo-123", name = "Operação", roles = new[] { "platform", "admin" } }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("admin/users",
            new { email, password = "segredo-123", name = "Operação", roles = new[] { "platform" } }, ct)).StatusCode);

        using var flow = identity.NewFlow();
        var granted = await flow.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = email, ["password"] = "segredo-123", ["scope"] = "openid roles",
        });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var token = await Jwks.ValidateAsync(identity, (await granted.Content.ReadFromJsonAsync<IdentityTokens>(ct))!.AccessToken);
        Assert.False(token.TryGetClaim("tenant_id", out _));
        Assert.Equal(["platform"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
    }
}
