namespace TrayBridge.Deploy.Tests;

public sealed class ComposeTests
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Every_host_project_is_a_compose_service_built_from_its_own_Dockerfile_in_the_repository_root()
    {
        Assert.NotEmpty(Repository.Hosts);
        Expect.None(Repository.Hosts.SelectMany(host =>
        {
            var services = _compose.HostServices.Where(s => s.Host == host).Select(s => _compose.Services[s.Service]).ToList();
            if (services.Count == 0)
                return [$"{host}: no compose service builds {host.Dockerfile}."];
            return services.SelectMany(service => new[]
            {
                File.Exists(Repository.PathOf(host.Dockerfile)) ? null : $"{host}: {host.Dockerfile} does not exist.",
                ComposeFile.BuildContext(service) == "." ? null : $"{host}: the build context must be the repository root (the Dockerfile copies contracts/ and services/ServiceDefaults/).",
                Yaml.WithoutTag(ComposeFile.Interpolate(service.Text("image") ?? "")) == host.Image ? null : $"{host}: the image must be {host.Image}, the one Kubernetes runs.",
            }).OfType<string>();
        }));
    }

    [Fact]
    public void Every_compose_environment_key_is_read_by_its_host()
    {
        Expect.None(
            from s in _compose.HostServices
            from variable in ComposeFile.Environment(_compose.Services[s.Service]).Keys
            where !s.Host.Reads(variable)
            select $"{s.Service} sets {variable}, which {s.Host} does not read (not in its appsettings.json, not a framework variable).");
    }

    [Fact]
    public void Every_key_a_host_needs_is_set_for_it_in_compose()
    {
        Expect.None(
            from s in _compose.HostServices
            let environment = ComposeFile.Environment(_compose.Services[s.Service])
                .ToDictionary(e => HostProject.ToKey(e.Key), e => e.Value, StringComparer.OrdinalIgnoreCase)
            from key in s.Host.KeysToSetInContainers
            let value = environment.GetValueOrDefault(key)
            where string.IsNullOrEmpty(value) || HostProject.PointsAtLoopback(value)
            select $"{s.Service} must set {key.Replace(":", "__")} to a non-empty value that is not a loopback address (now: '{value}').");
    }

    [Fact]
    public void Every_compose_host_runs_in_Authority_mode_and_the_services_share_the_URL_key_from_the_environment_with_no_default()
    {
        // The simulators stand in for Tray and SEFAZ: they check no TrayBridge token.
        var checking = _compose.HostServices.Where(s => s.Host.Reads("Auth__Mode"))
            .Select(s => (s.Service, Environment: ComposeFile.Environment(_compose.Services[s.Service]))).ToList();
        var urlKeys = checking.Where(s => s.Service != "gateway").Select(s => s.Environment.GetValueOrDefault("Auth__UrlSigningKey", "")).Distinct().ToList();

        Expect.None(checking
            .Where(s => s.Environment.GetValueOrDefault("Auth__Mode") != "Authority" || s.Environment.ContainsKey("Auth__SigningKey"))
            .Select(s => $"{s.Service} must run with Auth__Mode: Authority and no shared signing key (a shared key in compose is a published key).")
            .Concat(urlKeys.Count == 1 ? [] : ["Auth__UrlSigningKey differs between services: a URL signed by one would fail in another."])
            // No default: a key in this file would be a published key, which the hosts refuse (SharedKeyPolicy).
            .Concat(urlKeys.All(v => v.StartsWith("<required ", StringComparison.Ordinal)) ? []
                : [$"Auth__UrlSigningKey must come from the environment with no default (${{VAR:?…}}), not '{urlKeys[0]}'."]));
        Assert.True(checking.Count >= 5, "the gateway and the four services check tokens");
    }

    [Fact]
    public void The_gateway_cluster_destinations_in_compose_point_at_compose_hosts_on_port_8080()
    {
        var hostServices = _compose.HostServices.Select(s => s.Service).ToHashSet();
        var destinations = (
            from s in _compose.HostServices
            from variable in ComposeFile.Environment(_compose.Services[s.Service])
            where variable.Key.StartsWith("ReverseProxy__Clusters__", StringComparison.OrdinalIgnoreCase)
                  && variable.Key.EndsWith("__Address", StringComparison.OrdinalIgnoreCase)
            select (s.Service, variable.Key, Uri: new Uri(variable.Value))).ToList();

        Assert.NotEmpty(destinations);
        Expect.None(
            from d in destinations
            where !hostServices.Contains(d.Uri.Host) || d.Uri.Port != 8080
            select $"{d.Service}: {d.Key} = {d.Uri} is not a compose host service on 8080 ({string.Join(", ", hostServices)}).");
    }

    [Fact]
    public void Compose_has_the_healthy_postgres_and_rabbitmq_that_build_ps1_up_starts()
    {
        (string Service, string[] Ports)[] infrastructure = [("postgres", ["5432"]), ("rabbitmq", ["5672", "15672"])];

        Expect.None(infrastructure.SelectMany(i => _compose.Services.TryGetValue(i.Service, out var service)
            ? i.Ports.Where(port => !ComposeFile.Ports(service).Contains((port, port)))
                .Select(port => $"{i.Service} must publish {port} as {port}: build.ps1 and the tests connect to it on loopback.")
                .Concat(service.At("healthcheck", "test") is null ? [$"{i.Service} needs a healthcheck: `up --wait` and depends_on wait for it."] : [])
            : [$"build.ps1 up starts a compose service named {i.Service}; there is none."]));
    }

    [Fact]
    public void Compose_hosts_wait_for_a_healthy_postgres_and_rabbitmq_when_they_use_them()
    {
        (string Variable, string Service)[] uses = [("ConnectionStrings__postgres", "postgres"), ("ConnectionStrings__rabbitmq", "rabbitmq")];

        Expect.None(
            from s in _compose.HostServices
            let service = _compose.Services[s.Service]
            from use in uses
            where ComposeFile.Environment(service).ContainsKey(use.Variable)
                  && service.Text("depends_on", use.Service, "condition") != "service_healthy"
            select $"{s.Service} uses {use.Service} but does not depend on it with condition: service_healthy.");
    }

    [Fact]
    public void The_simulators_run_only_in_the_demo_profile_and_the_connector_trusts_none_by_default()
    {
        var simulators = _compose.HostServices.Where(s => s.Host.Folder.StartsWith("simulators/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(simulators);
        // Their /admin endpoints are unauthenticated: nothing but the demo may start them.
        Expect.None(simulators.Where(s => !_compose.Services[s.Service].Items("profiles").OfType<YamlDotNet.RepresentationModel.YamlScalarNode>()
                .Select(p => p.Value).SequenceEqual(["demo"]))
            .Select(s => $"{s.Service} must be in the demo profile only (profiles: [demo])."));
        Assert.Equal("", ComposeFile.Environment(_compose.Services["tray-connector"]).GetValueOrDefault("Tray__SimulatorHost", ""));
        // Issue 11: notes go where the official SEFAZ table says unless the demo (compose-env) names the simulator.
        Assert.Equal("", ComposeFile.Environment(_compose.Services["invoicing"]).GetValueOrDefault("Invoicing__Sefaz__EndpointOverride", ""));
    }

    [Fact]
    public void The_gateway_is_published_on_loopback_unless_told_otherwise()
    {
        var published = _compose.Services["gateway"].Items("ports").OfType<YamlDotNet.RepresentationModel.YamlScalarNode>()
            .Select(p => ComposeFile.Interpolate(p.Value ?? "")).ToList();
        Assert.Equal(["127.0.0.1:5080:8080"], published);
    }

    [Fact]
    public void No_secret_has_a_default_in_compose()
    {
        string[] secrets = ["Auth__SigningKey", "Auth__UrlSigningKey", "Tray__ConsumerKey", "Tray__ConsumerSecret", "Oidc__ClientSecret", "Identity__Clients__0__ClientSecret"];
        Expect.None(
            from service in _compose.Services
            from variable in ComposeFile.Environment(service.Value)
            where secrets.Contains(variable.Key) && !variable.Value.StartsWith("<required ", StringComparison.Ordinal)
            select $"{service.Key}: {variable.Key} has a value in compose ('{variable.Value}'): take it from the environment with ${{VAR:?…}}.");
    }
}
