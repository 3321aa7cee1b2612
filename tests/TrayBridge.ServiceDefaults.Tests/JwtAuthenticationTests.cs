using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.ServiceDefaults.Tests;

/// <summary><see cref="JwtAuthentication"/> in a host on loopback, trusting a stand-in identity provider (its metadata
/// and JWKS served from another loopback port) besides the shared key.</summary>
public sealed class JwtAuthenticationTests : IAsyncLifetime
{
    // Made per run, as the hosts demand (SharedKeyPolicy): a key written here would be a published key.
    private static readonly string SharedKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    private readonly RSA _authorityKey = RSA.Create(2048);
    private WebApplication? _authority, _api;
    private string _issuer = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _authority = await StartAsync(builder => { }, app =>
        {
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
            {
                ["issuer"] = _issuer, ["jwks_uri"] = _issuer + ".well-known/jwks",
            }));
            var parameters = _authorityKey.ExportParameters(false);
            app.MapGet("/.well-known/jwks", () => Results.Json(new
            {
                keys = new[] { new { kty = "RSA", use = "sig", kid = "idp-key", alg = "RS256",
                    n = Base64Url.EncodeToString(parameters.Modulus), e = Base64Url.EncodeToString(parameters.Exponent) } },
            }));
        });
        _issuer = Address(_authority);
        _api = await StartAsync(builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth:Issuer"] = "traybridge", ["Auth:Audience"] = "traybridge", ["Auth:SigningKey"] = SharedKey,
                ["Auth:UrlSigningKey"] = SharedKey, ["Auth:Authority"] = _issuer,
            });
            builder.Services.AddTrayBridgeAuthentication(builder.Configuration);
        }, app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/me", (ClaimsPrincipal user) =>
                $"{user.FindFirst("tenant_id")?.Value} admin={user.IsInRole("admin")} operator={user.IsInRole("operator")}");
        });
    }

    [Fact]
    public async Task The_authoritys_RS256_token_is_accepted_with_its_roles()
    {
        var (status, body) = await CallAsync(AuthorityToken(SecurityAlgorithms.RsaSha256));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("tenant-1 admin=True operator=True", body);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256)]
    public async Task The_authoritys_own_key_under_another_algorithm_is_refused(string algorithm)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(AuthorityToken(algorithm))).Status);
    }

    [Fact]
    public async Task The_authoritys_token_for_another_audience_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(AuthorityToken(SecurityAlgorithms.RsaSha256, audience: "another-api"))).Status);
    }

    [Fact]
    public async Task A_shared_key_token_keeps_working_and_carries_its_roles_too()
    {
        var token = Token(new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SharedKey)), SecurityAlgorithms.HmacSha256),
            "traybridge", "traybridge");

        var (status, body) = await CallAsync(token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("tenant-1 admin=True operator=True", body);
    }

    [Fact]
    public async Task A_token_without_a_tenant_is_forbidden_whoever_signed_it()
    {
        var token = Token(new SigningCredentials(new RsaSecurityKey(_authorityKey) { KeyId = "idp-key" }, SecurityAlgorithms.RsaSha256),
            _issuer, "traybridge", tenant: null);

        Assert.Equal(HttpStatusCode.Forbidden, (await CallAsync(token)).Status);
    }

    [Theory]
    [InlineData("https://login.example.com/", true)]
    [InlineData("http://127.0.0.1:5203/", false)]
    [InlineData("http://localhost:5203/", false)]
    public void Metadata_over_plain_HTTP_is_allowed_only_from_loopback(string authority, bool requireHttps)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Authority"] = authority }).Build();

        var settings = AuthoritySettings.From(configuration)!;

        Assert.Equal(requireHttps, settings.RequireHttpsMetadata);
        Assert.Equal(AuthoritySettings.DefaultAudience, settings.Audience);
    }

    [Fact]
    public void Without_an_authority_only_the_shared_key_is_trusted()
    {
        Assert.Null(AuthoritySettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Authority"] = "" }).Build()));
    }

    private string AuthorityToken(string algorithm, string audience = "traybridge") =>
        Token(new SigningCredentials(new RsaSecurityKey(_authorityKey) { KeyId = "idp-key" }, algorithm), _issuer, audience);

    private static string Token(SigningCredentials credentials, string issuer, string audience, string? tenant = "tenant-1")
    {
        var claims = new List<Claim> { new("sub", "user-1"), new("role", "admin"), new("role", "operator") };
        if (tenant is not null) claims.Add(new Claim("tenant_id", tenant));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Subject = new ClaimsIdentity(claims), Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = credentials,
        });
    }

    private async Task<(HttpStatusCode Status, string Body)> CallAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Address(_api!)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.GetAsync("me", Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync(Ct);
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

    public async ValueTask DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        if (_authority is not null) await _authority.DisposeAsync();
        _authorityKey.Dispose();
    }
}
