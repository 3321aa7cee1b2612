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
}
