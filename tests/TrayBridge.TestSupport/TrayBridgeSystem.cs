using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TrayBridge.TestSupport;

/// <summary>A running TrayBridge: the chosen hosts as processes on loopback over a database and vhost of their own,
/// sharing signing keys, each writing its spans and its whole output to files of its own.</summary>
public sealed class TrayBridgeSystem : IAsyncDisposable
{
    private readonly Dictionary<string, HostProcess> _hosts = new();

    private TrayBridgeSystem(IsolatedInfrastructure infrastructure, string spanDirectory)
    {
        (Infrastructure, SpanDirectory) = (infrastructure, spanDirectory);
        _tenantTokens = new IdentityTenantTokens(this);
    }

    /// <summary>The Tray app credentials the connector is configured with (register the same ones on a simulator).</summary>
    public static class TrayApp
    {
        public const string ConsumerKey = "test-consumer-key";
        public const string ConsumerSecret = "test-consumer-secret-0123456789";
    }

    /// <summary>The panel's client on the identity provider simulator (<c>withIdentity</c>).</summary>
    public static class IdentityClient
    {
        public const string ClientId = "traybridge-web";
        public const string ClientSecret = "test-identity-client-secret-0123456789";
    }

    public IsolatedInfrastructure Infrastructure { get; }
    public DevTokens Tokens { get; } = new();
    public string SpanDirectory { get; }

    public HostProcess Catalog => _hosts["catalog"];
    public HostProcess Orders => _hosts["orders"];
    public HostProcess Invoicing => _hosts["invoicing"];
    public HostProcess TrayConnector => _hosts["tray-connector"];
    public HostProcess Gateway => _hosts["gateway"];
    public HostProcess TraySimulator => _hosts["tray-simulator"];
    /// <summary>Started only when asked for (<c>withSefaz</c>): most systems never issue an NF-e.</summary>
    public HostProcess SefazSimulator => _hosts["sefaz-simulator"];
    /// <summary>The identity provider simulator, started first when asked for (<c>withIdentity</c>); every other host then
    /// runs in Authority mode (<c>Auth__Mode</c>, <c>Auth__Authority</c>) and accepts its tokens only — the shared key is
    /// still configured, to show that its tokens are refused. Without it, the hosts run in SharedKey mode.</summary>
    public HostProcess Identity => _hosts["identity"];
    /// <summary>The panel (<c>withPanel</c>), reached by browsers through the gateway's catch-all route.</summary>
    public HostProcess Web => _hosts["web"];
    public IReadOnlyCollection<HostProcess> Hosts => _hosts.Values;

    /// <summary>Starts the Tray simulator, the four services and the gateway, ready on <c>/health/ready</c>. Tray's per-window
    /// budget defaults to the real one (180 a minute); a test that moves many products shortens it on both sides alike.
    /// <para>With <paramref name="withIdentity"/>, the identity provider simulator starts first, its client registered with
    /// the gateway's <c>/signin-oidc</c> and <c>/signout-callback-oidc</c>; <paramref name="configure"/> runs once every
    /// host's port is chosen and before any starts, e.g. to <see cref="AddIdentityRedirect"/> a web host's URIs.</para>
    /// <para><paramref name="servers"/>: PostgreSQL and RabbitMQ to run on instead of the shared test servers (e.g.
    /// <see cref="PrivateServers"/>, which a test may restart).</para></summary>
    public static async Task<TrayBridgeSystem> StartAsync(TimeSpan? trayWindow = null, int trayRequestsPerWindow = 180, bool withSefaz = false,
        bool withIdentity = false, Action<TrayBridgeSystem>? configure = null, bool withPanel = false, TestServers? servers = null)
    {
        // The panel signs its users in with the identity provider: one never comes without the other.
        withIdentity |= withPanel;
        var window = trayWindow ?? TimeSpan.FromMinutes(1);
        // Spans, and the connector's Data Protection certificate, live in this run's own folder.
        var spans = Directory.CreateTempSubdirectory("traybridge-run-").FullName;
        var system = new TrayBridgeSystem(await IsolatedInfrastructure.CreateAsync(servers), spans);
        try
        {
            if (withIdentity) system.AddIdentity();
            var catalog = system.Add("catalog", "services/Catalog", "TrayBridge.Catalog");
            system.Add("orders", "services/Orders", "TrayBridge.Orders");
            var invoicing = system.Add("invoicing", "services/Invoicing", "TrayBridge.Invoicing", new Dictionary<string, string>
            {
                ["DataProtection__CertificatePath"] = Path.Combine(spans, "invoicing-data-protection.pfx"),
                ["DataProtection__CreateCertificateIfMissing"] = "true",
            });
            system._connectorSettings = system.Add("tray-connector", "services/TrayConnector", "TrayBridge.TrayConnector", new Dictionary<string, string>
            {
                ["Tray__Orders__PollInterval"] = "00:00:05",
                ["DataProtection__CertificatePath"] = Path.Combine(spans, "data-protection.pfx"),
                ["DataProtection__CreateCertificateIfMissing"] = "true",
                ["Tray__ConsumerKey"] = TrayApp.ConsumerKey,
                ["Tray__ConsumerSecret"] = TrayApp.ConsumerSecret,
                ["Tray__SimulatorHost"] = "127.0.0.1",
                ["Tray__Budget__Window"] = window.ToString(),
                ["Tray__Budget__RequestsPerWindow"] = trayRequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            system._traySimulatorSettings = system.Add("tray-simulator", "simulators/Tray", "TrayBridge.TraySimulator", new Dictionary<string, string>
            {
                ["TraySimulator__RateLimitWindow"] = window.ToString(),
                ["TraySimulator__PerMinuteLimit"] = trayRequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            if (withSefaz)
            {
                system.Add("sefaz-simulator", "simulators/Sefaz", "TrayBridge.SefazSimulator", new Dictionary<string, string>
                {
                    ["SefazSimulator__SchemaFolder"] = "", // empty: the official XSDs embedded in the simulator (schemas/nfe/)
                });
                // The operator's override, not a tenant's URL, sends every note to the simulator (tenants choose UF and ambiente).
                invoicing["Invoicing__Sefaz__EndpointOverride"] = system.SefazSimulator.BaseAddress.ToString();
            }
            var web = withPanel ? system.Add("web", "web", "TrayBridge.Web", new Dictionary<string, string>
            {
                ["Oidc__Authority"] = system._authority!,
                ["Oidc__ClientId"] = IdentityClient.ClientId,
                ["Oidc__ClientSecret"] = IdentityClient.ClientSecret,
                ["DataProtection__CertificatePath"] = Path.Combine(spans, "web-data-protection.pfx"),
                ["DataProtection__CreateCertificateIfMissing"] = "true",
            }) : null;
            var routes = system._hosts.Where(h => h.Key is not ("tray-simulator" or "sefaz-simulator" or "identity")).ToDictionary(
                h => $"ReverseProxy__Clusters__{h.Key}__Destinations__primary__Address", h => h.Value.BaseAddress.ToString());
            // YARP's "Proxying to …" lines name the upstream path: logged, so the link tests can prove the token is masked there.
            routes["Logging__LogLevel__Yarp.ReverseProxy.Forwarder"] = "Information";
            system.Add("gateway", "gateway", "TrayBridge.Gateway", routes);
            // Picture URLs the Catalog sends to Tray start with the gateway's address: its port is chosen already, and a
            // host reads its settings when it starts.
            catalog["Catalog__PublicBaseUrl"] = system.Gateway.BaseAddress.ToString();
            invoicing["Invoicing__PublicBaseUrl"] = system.Gateway.BaseAddress.ToString();
            // The panel calls the public API through the gateway, as a browser's user would.
            if (web is not null) web["Panel__ApiBaseUrl"] = system.Gateway.BaseAddress.ToString();
            if (withIdentity)
                system.AddIdentityRedirect(new Uri(system.Gateway.BaseAddress, "signin-oidc").ToString(),
                    new Uri(system.Gateway.BaseAddress, "signout-callback-oidc").ToString());
            configure?.Invoke(system);
            // The identity provider first (the others fetch its metadata), then the services in parallel, then the gateway.
            if (withIdentity) await system.Identity.StartAsync();
            await Task.WhenAll(system._hosts.Values.Where(h => h.Name is not ("gateway" or "identity")).Select(h => h.StartAsync()));
            await system.CreateTrayAppAsync();
            await system.Gateway.StartAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string> Add(string name, string project, string assembly, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(Tokens.Settings)
        {
            ["ConnectionStrings__postgres"] = Infrastructure.PostgresConnectionString,
            ["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitConnectionString,
            ["Telemetry__SpanFile"] = SpanFile(name),
            ["DueWork__PollInterval"] = "00:00:00.200",
        };
        if (_authority is not null) (settings["Auth__Mode"], settings["Auth__Authority"]) = ("Authority", _authority);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        _hosts[name] = new HostProcess(name, project, assembly, settings, LogFile(name));
        return settings;
    }

    private Dictionary<string, string> _connectorSettings = [];
    private Dictionary<string, string> _traySimulatorSettings = [];
    private Dictionary<string, string> _identitySettings = [];
    private readonly List<string> _identityRedirects = [];
    private readonly List<string> _identityPostLogoutRedirects = [];
    private string? _authority;

    private void AddIdentity()
    {
        _identitySettings = Add("identity", "simulators/Identity", "TrayBridge.IdentitySimulator", new Dictionary<string, string>
        {
            ["Identity__AdminEnabled"] = "true",
            ["Identity__Clients__0__ClientId"] = IdentityClient.ClientId,
            ["Identity__Clients__0__ClientSecret"] = IdentityClient.ClientSecret,
        });
        // Its issuer is its own address, known now that its port is chosen: the hosts added after it trust that issuer.
        _authority = _identitySettings["Identity__Issuer"] = Identity.BaseAddress.ToString();
    }

    /// <summary>Registers a redirect URI (and a post-logout one) of the panel's client on the identity provider, before it
    /// starts. The first registered is the gateway's <c>/signin-oidc</c>, where <see cref="NewIdentityFlow"/> is sent back.</summary>
    public void AddIdentityRedirect(string redirectUri, string? postLogoutRedirectUri = null)
    {
        if (!Identity.HasExited) throw new InvalidOperationException("The identity provider has started already.");
        _identitySettings[$"Identity__Clients__0__RedirectUris__{_identityRedirects.Count}"] = redirectUri;
        _identityRedirects.Add(redirectUri);
        if (postLogoutRedirectUri is null) return;
        _identitySettings[$"Identity__Clients__0__PostLogoutRedirectUris__{_identityPostLogoutRedirects.Count}"] = postLogoutRedirectUri;
        _identityPostLogoutRedirects.Add(postLogoutRedirectUri);
    }

    public IReadOnlyList<string> IdentityRedirects => _identityRedirects;

    /// <summary>Sets one of the connector's settings (e.g. <c>Tray__Webhooks__MaxPendingPerStore</c>) before it starts.</summary>
    public void SetConnectorSetting(string key, string value) => _connectorSettings[key] = value;

    /// <summary>Sets one of the identity provider's settings (e.g. <c>Identity__AccessTokenLifetime</c>) before it starts.</summary>
    public void SetIdentitySetting(string key, string value)
    {
        if (!Identity.HasExited) throw new InvalidOperationException("The identity provider has started already.");
        _identitySettings[key] = value;
    }
    public IReadOnlyList<string> IdentityPostLogoutRedirects => _identityPostLogoutRedirects;

    /// <summary>A new "browser" for the code flow with the panel's client.</summary>
    public IdentityFlow NewIdentityFlow() =>
        new(Identity.BaseAddress, IdentityClient.ClientId, IdentityClient.ClientSecret, _identityRedirects[0]);

    /// <summary>A new user of <paramref name="tenantId"/> on the identity provider (roles default to admin).</summary>
    public Task<IdentityUserCredentials> CreateUserAsync(string tenantId, params string[] roles) =>
        IdentityUsers.CreateAsync(Identity.BaseAddress, tenantId, roles);

    /// <summary>An access token for <paramref name="user"/>, obtained through the real code flow with PKCE.</summary>
    public async Task<string> AccessTokenForAsync(IdentityUserCredentials user)
    {
        using var flow = NewIdentityFlow();
        return (await flow.SignInAsync(user.Email, user.Password)).AccessToken;
    }

    /// <summary>An HTTP client for a host that sends this bearer token.</summary>
    public HttpClient ClientWithToken(HostProcess host, string accessToken)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>A second connector process on the same database, vhost and certificate: another replica of the cluster.
    /// <paramref name="extraSettings"/> makes it another kind of connector, e.g. a store's own
    /// (<c>Connector__DedicatedStoreId</c>), or names it (<c>Connector__Instance</c>, sent to Tray in the User-Agent).</summary>
    public async Task<HostProcess> StartConnectorReplicaAsync(IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var name = $"tray-connector-{_hosts.Count(h => h.Key.StartsWith("tray-connector", StringComparison.Ordinal)) + 1}";
        var settings = new Dictionary<string, string>(_connectorSettings) { ["Telemetry__SpanFile"] = SpanFile(name) };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>()) settings[key] = value;
        var replica = _hosts[name] = new HostProcess(name, "services/TrayConnector", "TrayBridge.TrayConnector", settings, LogFile(name));
        await replica.StartAsync();
        return replica;
    }

    /// <summary>The sample subscriber (<c>samples/Subscriber</c>) as another team would run it: its own queue on this
    /// system's vhost, its own tables in this system's database.</summary>
    public async Task<HostProcess> StartSampleSubscriberAsync()
    {
        var sample = _hosts["sample-subscriber"] = new HostProcess("sample-subscriber", "samples/Subscriber", "TrayBridge.Samples.Subscriber",
            new Dictionary<string, string>
            {
                ["ConnectionStrings__postgres"] = Infrastructure.PostgresConnectionString,
                ["ConnectionStrings__rabbitmq"] = Infrastructure.RabbitConnectionString,
            }, LogFile("sample-subscriber"));
        await sample.StartAsync();
        return sample;
    }

    /// <summary>Another Tray simulator process on loopback (another port, so another API host to the connector, whose
    /// simulator exemption is the host 127.0.0.1), knowing our app like the first: e.g. a fake Tray host.</summary>
    public async Task<HostProcess> StartTraySimulatorAsync(string name)
    {
        var settings = new Dictionary<string, string>(_traySimulatorSettings) { ["Telemetry__SpanFile"] = SpanFile(name) };
        var simulator = _hosts[name] = new HostProcess(name, "simulators/Tray", "TrayBridge.TraySimulator", settings, LogFile(name));
        await simulator.StartAsync();
        await CreateTrayAppAsync(simulator);
        return simulator;
    }

    private async Task CreateTrayAppAsync(HostProcess? host = null)
    {
        using var simulator = Client(host ?? TraySimulator);
        var response = await simulator.PostAsJsonAsync("admin/apps", new { consumerKey = TrayApp.ConsumerKey, consumerSecret = TrayApp.ConsumerSecret });
        response.EnsureSuccessStatusCode();
    }

    public string SpanFile(string hostName) => Path.Combine(SpanDirectory, hostName + ".jsonl");

    /// <summary>Everything the host wrote to stdout and stderr, across restarts.</summary>
    public string LogFile(string hostName) => Path.Combine(SpanDirectory, hostName + ".log");

    /// <summary>Whether the hosts accept the identity provider's tokens only (<c>withIdentity</c>) or the shared key's.</summary>
    public bool AuthorityMode => _authority is not null;

    private readonly IdentityTenantTokens _tenantTokens;

    /// <summary>An HTTP client for a host, authenticated as an admin of <paramref name="tenantId"/> (or anonymous): with a
    /// shared-key token, or in Authority mode with the identity provider's (<see cref="IdentityTenantTokens"/>).</summary>
    public HttpClient Client(HostProcess host, string? tenantId = null)
    {
        if (tenantId is not null && AuthorityMode)
        {
            return new HttpClient(new IdentityTenantTokens.Handler(_tenantTokens, tenantId)) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        }
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (tenantId is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(tenantId));
        return client;
    }

    /// <summary>A shared-key client of <paramref name="tenantId"/> whose token carries exactly these roles (none: no role).</summary>
    public HttpClient ClientWithRoles(HostProcess host, string tenantId, params string[] roles) =>
        ClientWithToken(host, Tokens.For(tenantId, roles));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values) await host.DisposeAsync();
        await Infrastructure.DisposeAsync();
        Directory.Delete(SpanDirectory, recursive: true);
    }
}
