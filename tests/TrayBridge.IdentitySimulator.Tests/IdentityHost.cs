using TrayBridge.TestSupport;

namespace TrayBridge.IdentitySimulator.Tests;

/// <summary>One identity provider simulator process for a test class, with a client of its own.</summary>
public sealed class IdentityHost : IAsyncLifetime
{
    public const string ClientId = "panel-tests";
    public const string ClientSecret = "panel-tests-secret-0123456789";
    public const string RedirectUri = "http://127.0.0.1:5999/signin-oidc";
    public const string PostLogoutRedirectUri = "http://127.0.0.1:5999/signout-callback-oidc";

    /// <summary>A second client: an app using ASP.NET Core's OpenID Connect handler, as the panel does, on this port.</summary>
    public const string HandlerClientId = "panel-handler";
    public const string HandlerClientSecret = "panel-handler-secret-0123456789";
    public int HandlerPort { get; } = RepositoryLayout.FreePort();

    private readonly Dictionary<string, string> _settings = new()
    {
        ["Identity__AdminEnabled"] = "true",
        ["Identity__Clients__0__ClientId"] = ClientId,
        ["Identity__Clients__0__ClientSecret"] = ClientSecret,
        ["Identity__Clients__0__RedirectUris__0"] = RedirectUri,
        ["Identity__Clients__0__PostLogoutRedirectUris__0"] = PostLogoutRedirectUri,
    };

    public IdentityHost()
    {
        _settings["Identity__Clients__1__ClientId"] = HandlerClientId;
        _settings["Identity__Clients__1__ClientSecret"] = HandlerClientSecret;
        _settings["Identity__Clients__1__RedirectUris__0"] = $"http://127.0.0.1:{HandlerPort}/signin-oidc";
        _settings["Identity__Clients__1__PostLogoutRedirectUris__0"] = $"http://127.0.0.1:{HandlerPort}/signout-callback-oidc";
        Process = new HostProcess("identity", "simulators/Identity", "TrayBridge.IdentitySimulator", _settings);
    }

    public HostProcess Process { get; }
    public Uri BaseAddress => Process.BaseAddress;

    public HttpClient Http() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public IdentityFlow NewFlow() => new(BaseAddress, ClientId, ClientSecret, RedirectUri);

    public Task<IdentityUserCredentials> CreateUserAsync(string tenantId, params string[] roles) =>
        IdentityUsers.CreateAsync(BaseAddress, tenantId, roles);

    public async ValueTask InitializeAsync()
    {
        _settings["Identity__Issuer"] = BaseAddress.ToString();
        await Process.StartAsync();
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
