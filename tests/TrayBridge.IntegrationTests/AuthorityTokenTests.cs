using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>An Authority-mode system: its hosts trust the identity provider simulator (<c>Auth__Mode=Authority</c>,
/// <c>Auth__Authority</c>) and nothing else, although they are also given a valid shared key.</summary>
public sealed class IdentitySystemFixture : SystemFixture
{
    protected override Task<TrayBridgeSystem> StartAsync() => TrayBridgeSystem.StartAsync(withIdentity: true);
}

/// <summary>Issue 11, "known keys", Authority mode: the hosts accept the identity provider's RS256 access tokens (got
/// through the real code flow) and nothing else: no other key, no other algorithm, no unsigned token — and no HS256 token,
/// even one signed with the shared key they are given.</summary>
public sealed class AuthorityTokenTests(IdentitySystemFixture fixture) : IClassFixture<IdentitySystemFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_from_the_identity_provider_is_accepted_and_its_tenant_id_is_the_tenant()
    {
        var system = fixture.System;
        var alice = await system.CreateUserAsync("tenant-authority-a");
        var bob = await system.CreateUserAsync("tenant-authority-b", "operator");
        using var aliceApi = system.ClientWithToken(system.Gateway, await system.AccessTokenForAsync(alice));
        using var bobApi = system.ClientWithToken(system.Gateway, await system.AccessTokenForAsync(bob));

        var productId = await Api.CreateProductAsync(aliceApi, "AUTH-1");

        Assert.Equal(HttpStatusCode.OK, (await aliceApi.GetAsync($"api/catalog/products/{productId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bobApi.GetAsync($"api/catalog/products/{productId}", Ct)).StatusCode);
        Assert.DoesNotContain("AUTH-1", await bobApi.GetStringAsync("api/catalog/products", Ct));
        // Another user of the same tenant sees it: the tenant is the token's tenant_id, whoever the user.
        using var sameTenant = system.Client(system.Gateway, "tenant-authority-a");
        Assert.Contains("AUTH-1", await sameTenant.GetStringAsync("api/catalog/products", Ct));
    }

    [Fact]
    public async Task A_service_called_directly_accepts_the_identity_providers_token_too()
    {
        var system = fixture.System;
        var user = await system.CreateUserAsync("tenant-authority-direct");
        using var catalog = system.ClientWithToken(system.Catalog, await system.AccessTokenForAsync(user));

        Assert.Equal(HttpStatusCode.OK, (await catalog.GetAsync("api/catalog/products", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_RS256_token_with_the_identity_providers_issuer_signed_by_another_key_is_refused()
    {
        var system = fixture.System;
        var genuine = new JsonWebToken(await system.AccessTokenForAsync(await system.CreateUserAsync("tenant-authority-forged")));
        using var otherKey = RSA.Create(2048);
        // Once under a key id of its own, once claiming the genuine key's id.
        foreach (var keyId in new[] { "forged-key", genuine.Kid })
        {
            var forged = Token(new SigningCredentials(new RsaSecurityKey(otherKey) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
                system.Identity.BaseAddress.ToString(), "tenant-authority-forged");
            await AssertRefusedAsync(forged);
        }
    }

    [Fact]
    public async Task An_HS256_token_signed_with_the_valid_shared_key_is_refused_in_Authority_mode()
    {
        var system = fixture.System;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(system.Tokens.SigningKey));

        // The key the hosts are given (Auth__SigningKey) is not read in this mode: a development token leaked into
        // production is worth nothing. Nor does it sign for the identity provider's issuer (no algorithm confusion).
        foreach (var algorithm in new[] { SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha512, SecurityAlgorithms.HmacSha384 })
        {
            await AssertRefusedAsync(Token(new SigningCredentials(key, algorithm), DevTokens.Issuer, "tenant-authority-hs"));
            await AssertRefusedAsync(Token(new SigningCredentials(key, algorithm), system.Identity.BaseAddress.ToString(), "tenant-authority-hs"));
        }
        await AssertRefusedAsync(system.Tokens.For("tenant-authority-hs"));
    }

    [Fact]
    public async Task An_operator_of_the_identity_provider_is_refused_the_settings_and_an_admin_is_not()
    {
        var system = fixture.System;
        var admin = await system.CreateUserAsync("tenant-authority-roles", "admin");
        var clerk = await system.CreateUserAsync("tenant-authority-roles", "operator");
        using var adminApi = system.ClientWithToken(system.Gateway, await system.AccessTokenForAsync(admin));
        using var operatorApi = system.ClientWithToken(system.Gateway, await system.AccessTokenForAsync(clerk));

        var refused = await operatorApi.PutAsJsonAsync("api/invoicing/emitter/certificate", new { pfxBase64 = "AAAA", password = "x" }, Ct);
        var allowed = await adminApi.PutAsJsonAsync("api/invoicing/emitter/certificate", new { pfxBase64 = "AAAA", password = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("auth.admin_required", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        // The admin reaches the handler, which has its own answer for such a certificate.
        Assert.True(allowed.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{(int)allowed.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await operatorApi.GetAsync("api/catalog/products", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_unsigned_token_is_refused_whatever_its_issuer()
    {
        var system = fixture.System;
        foreach (var issuer in new[] { DevTokens.Issuer, system.Identity.BaseAddress.ToString() })
        {
            string Part(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var unsigned = Part(new { alg = "none", typ = "JWT" }) + "." + Part(new Dictionary<string, object>
            {
                ["iss"] = issuer, ["aud"] = "traybridge", ["sub"] = "x", ["tenant_id"] = "tenant-authority-none",
                ["iat"] = now, ["nbf"] = now, ["exp"] = now + 600,
            }) + ".";
            await AssertRefusedAsync(unsigned);
        }
    }

    private static string Token(SigningCredentials credentials, string issuer, string tenantId) => new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "traybridge",
            Subject = new ClaimsIdentity([new Claim("sub", "forger"), new Claim("tenant_id", tenantId), new Claim("role", "admin")]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = credentials,
        });

    /// <summary>401 through the gateway and at a service called directly.</summary>
    private async Task AssertRefusedAsync(string token)
    {
        foreach (var host in new[] { fixture.System.Gateway, fixture.System.Catalog })
        {
            using var client = fixture.System.ClientWithToken(host, token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/catalog/products", Ct)).StatusCode);
        }
    }
}
