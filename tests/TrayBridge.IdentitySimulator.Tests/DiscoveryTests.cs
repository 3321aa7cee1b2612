using System.Text.Json.Nodes;

namespace TrayBridge.IdentitySimulator.Tests;

public sealed class DiscoveryTests(IdentityHost identity)
{
    [Fact]
    public async Task Discovery_names_the_issuer_the_endpoints_and_PKCE_with_S256_only()
    {
        using var http = identity.Http();

        var discovery = JsonNode.Parse(await http.GetStringAsync(".well-known/openid-configuration", TestContext.Current.CancellationToken))!;

        var issuer = identity.BaseAddress.ToString();
        Assert.Equal(issuer, (string)discovery["issuer"]!);
        Assert.Equal(issuer + "connect/authorize", (string)discovery["authorization_endpoint"]!);
        Assert.Equal(issuer + "connect/token", (string)discovery["token_endpoint"]!);
        Assert.Equal(issuer + "connect/userinfo", (string)discovery["userinfo_endpoint"]!);
        Assert.Equal(issuer + "connect/logout", (string)discovery["end_session_endpoint"]!);
        Assert.Equal(issuer + ".well-known/jwks", (string)discovery["jwks_uri"]!);
        Assert.Equal(["S256"], discovery["code_challenge_methods_supported"]!.AsArray().Select(m => (string)m!));
        // "password": the simulator's development-only grant for scripts (Identity:PasswordGrantEnabled, on in its appsettings).
        Assert.Equal(["authorization_code", "password", "refresh_token"], discovery["grant_types_supported"]!.AsArray().Select(m => (string)m!).Order());
        Assert.Equal(["code"], discovery["response_types_supported"]!.AsArray().Select(m => (string)m!));
        Assert.Contains("RS256", discovery["id_token_signing_alg_values_supported"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task The_JWKS_publishes_an_RSA_signing_key_for_RS256()
    {
        using var http = identity.Http();

        var keys = JsonNode.Parse(await http.GetStringAsync(".well-known/jwks", TestContext.Current.CancellationToken))!["keys"]!.AsArray();

        var key = Assert.Single(keys)!;
        Assert.Equal("RSA", (string)key["kty"]!);
        Assert.Equal("RS256", (string)key["alg"]!);
        Assert.Equal("sig", (string)key["use"]!);
        Assert.False(string.IsNullOrEmpty((string?)key["kid"]));
        Assert.Null(key["d"]); // never the private part
    }
}
