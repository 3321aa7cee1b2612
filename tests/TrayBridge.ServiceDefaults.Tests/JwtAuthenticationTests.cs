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

/// <summary><see cref="JwtAuthentication"/> in two hosts on loopback, one per <c>Auth:Mode</c>: an Authority-mode host
/// trusting a stand-in identity provider (its metadata and JWKS served from another loopback port) and, although it is
/// given a valid shared key too, nothing signed with it; and a SharedKey-mode host trusting that key only.</summary>
public sealed class JwtAuthenticationTests : IAsyncLifetime
{
    // Made per run, as the hosts demand (SharedKeyPolicy): a key written here would be a published key.
    private static readonly string SharedKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    private readonly RSA _authorityKey = RSA.Create(2048);
    private WebApplication? _authority, _api, _sharedKeyApi;
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
        _api = await StartApiAsync("Authority");
        _sharedKeyApi = await StartApiAsync("SharedKey");
    }

    private Task<WebApplication> StartApiAsync(string mode) => StartAsync(builder =>
    {
        builder.Configuration.AddInMemoryCollection(Settings(mode));
        builder.Services.AddTrayBridgeAuthentication(builder.Configuration);
    }, app =>
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) =>
            $"{user.FindFirst("tenant_id")?.Value} admin={user.IsInRole("admin")} operator={user.IsInRole("operator")}");
        app.MapPut("/settings", () => "changed").RequireAdmin();
    });

    private Dictionary<string, string?> Settings(string? mode) => new()
    {
        ["Auth:Mode"] = mode, ["Auth:Issuer"] = "traybridge", ["Auth:Audience"] = "traybridge", ["Auth:SigningKey"] = SharedKey,
        ["Auth:UrlSigningKey"] = SharedKey, ["Auth:Authority"] = _issuer,
    };

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
    public async Task In_SharedKey_mode_a_shared_key_token_is_accepted_and_carries_its_roles_too()
    {
        var (status, body) = await CallAsync(SharedKeyToken(SecurityAlgorithms.HmacSha256), _sharedKeyApi);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("tenant-1 admin=True operator=True", body);
    }

    [Fact]
    public async Task In_Authority_mode_an_HS256_token_signed_with_the_valid_shared_key_is_refused()
    {
        // With our issuer, and with the authority's (algorithm confusion: its "key" is public).
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(SharedKeyToken(SecurityAlgorithms.HmacSha256))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(Token(new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SharedKey)), SecurityAlgorithms.HmacSha256), _issuer, "traybridge"))).Status);
    }

    [Fact]
    public async Task In_SharedKey_mode_the_authoritys_RS256_token_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(AuthorityToken(SecurityAlgorithms.RsaSha256), _sharedKeyApi)).Status);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.HmacSha512)]
    [InlineData(SecurityAlgorithms.HmacSha384)]
    public async Task In_SharedKey_mode_the_shared_key_under_another_algorithm_is_refused(string algorithm)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(SharedKeyToken(algorithm), _sharedKeyApi)).Status);
    }

    [Theory]
    [InlineData("operator", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task Daily_work_needs_an_operator_or_an_admin_and_settings_an_admin(string? role, HttpStatusCode daily, HttpStatusCode settings)
    {
        var token = Token(new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SharedKey)), SecurityAlgorithms.HmacSha256),
            "traybridge", "traybridge", roles: role is null ? [] : [role]);
        using var http = new HttpClient { BaseAddress = new Uri(Address(_sharedKeyApi!)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(daily, (await http.GetAsync("me", Ct)).StatusCode);
        var put = await http.PutAsync("settings", null, Ct);
        Assert.Equal(settings, put.StatusCode);
        if (settings == HttpStatusCode.Forbidden)
        {
            // A ProblemDetails saying, in Portuguese and with a stable code, which role is missing.
            var body = await put.Content.ReadAsStringAsync(Ct);
            Assert.Contains(role is null ? "\"auth.role_required\"" : "\"auth.admin_required\"", body);
            Assert.Contains("administrador", body);
        }
    }

    [Theory]
    [InlineData("Both", "'Auth:Mode' is 'Both'")]
    [InlineData(null, "Auth:Authority")]
    [InlineData("SharedKey", "Auth:SigningKey")]
    public void A_host_refuses_an_unknown_mode_or_a_mode_without_its_settings(string? mode, string message)
    {
        var settings = Settings(mode);
        settings["Auth:Authority"] = null;
        settings["Auth:SigningKey"] = null;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTrayBridgeAuthentication(configuration));

        Assert.Contains(message, refused.Message);
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
    public void Without_Auth_Authority_there_are_no_authority_settings()
    {
        Assert.Null(AuthoritySettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Authority"] = "" }).Build()));
    }

    private string AuthorityToken(string algorithm, string audience = "traybridge") =>
        Token(new SigningCredentials(new RsaSecurityKey(_authorityKey) { KeyId = "idp-key" }, algorithm), _issuer, audience);

    private static string SharedKeyToken(string algorithm) =>
        Token(new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SharedKey)), algorithm), "traybridge", "traybridge");

    private static string Token(SigningCredentials credentials, string issuer, string audience, string? tenant = "tenant-1", string[]? roles = null)
    {
        var claims = new List<Claim> { new("sub", "user-1") };
        claims.AddRange((roles ?? ["admin", "operator"]).Select(role => new Claim("role", role)));
        if (tenant is not null) claims.Add(new Claim("tenant_id", tenant));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Subject = new ClaimsIdentity(claims), Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = credentials,
        });
    }

    private async Task<(HttpStatusCode Status, string Body)> CallAsync(string token, WebApplication? api = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Address(api ?? _api!)) };
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
        if (_sharedKeyApi is not null) await _sharedKeyApi.DisposeAsync();
        if (_authority is not null) await _authority.DisposeAsync();
        _authorityKey.Dispose();
    }
}
