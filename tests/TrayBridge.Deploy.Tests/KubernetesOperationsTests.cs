using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace TrayBridge.Deploy.Tests;

/// <summary>What DevOps expect of the manifests before they run them: probes, resources, secrets only by reference,
/// an autoscaler and a disruption budget per API host, and one way in (the Ingress, to the gateway).</summary>
public sealed partial class KubernetesOperationsTests
{
    private readonly KubernetesBase _base = KubernetesBase.Load();

    /// <summary>The hosts that serve HTTP behind the gateway and the gateway itself; the connector scales by KEDA.</summary>
    private IEnumerable<YamlMappingNode> ApiHostDeployments =>
        _base.HostDeployments.Where(d => d.Host.Name != "tray-connector").Select(d => d.Deployment);

    [Fact]
    public void Every_Deployment_anywhere_has_readiness_and_liveness_probes_on_the_health_endpoints()
    {
        (string Probe, string Path)[] probes = [("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready")];

        Expect.None(
            from d in KubernetesManifests.OfKind("Deployment")
            from container in d.Object.Items("spec", "template", "spec", "containers").OfType<YamlMappingNode>()
            from probe in probes
            where container.Text(probe.Probe, "httpGet", "path") != probe.Path
            select $"{d.File}: container {container.Text("name")} needs a {probe.Probe} on GET {probe.Path}.");
    }

    [Fact]
    public void Every_container_requests_and_limits_cpu_and_memory()
    {
        Expect.None(
            from d in KubernetesManifests.OfKind("Deployment")
            from container in KubernetesManifests.Containers(d.Object)
            from bound in new[] { "requests", "limits" }
            from resource in new[] { "cpu", "memory" }
            where string.IsNullOrWhiteSpace(container.Text("resources", bound, resource))
            select $"{d.File}: container {container.Text("name")} has no resources.{bound}.{resource}.");
    }

    [Fact]
    public void Secrets_are_only_referenced_never_written_in_a_manifest()
    {
        var kustomizations = Directory.EnumerateFiles(Repository.PathOf(KubernetesManifests.Folder), "kustomization.yaml", SearchOption.AllDirectories);
        var literals =
            from o in KubernetesManifests.All
            from value in Literals(o.Object)
            where SecretName().IsMatch(value.Name) || Credential().IsMatch(value.Value)
            select $"{o.File}: {value.Name} holds a literal secret; take it from traybridge-secrets (secretKeyRef).";

        Expect.None(KubernetesManifests.OfKind("Secret").Select(o => $"{o.File}: a Secret object is committed; make it in the cluster instead.")
            .Concat(kustomizations.Where(k => Yaml.Load(k).Single().At("secretGenerator") is not null)
                .Select(k => $"{Repository.Relative(k)}: a secretGenerator puts secret values in the repository."))
            .Concat(literals));
    }

    [Fact]
    public void Every_Secret_a_manifest_references_is_made_by_the_README_commands()
    {
        var readme = File.ReadAllText(Repository.PathOf($"{KubernetesManifests.Folder}/README.md"));
        var references = KubernetesManifests.All.SelectMany(o => SecretReferences(o.Object).Select(r => (o.File, r.Secret, r.Key))).Distinct().ToList();

        Assert.NotEmpty(references);
        Expect.None(references.Where(r => !Regex.IsMatch(readme, $@"create secret \w+ {Regex.Escape(r.Secret)}\b"))
            .Select(r => $"{r.File} uses Secret {r.Secret}, which README.md's commands do not create.")
            .Concat(references.Where(r => r.Key is not null && !readme.Contains($"--from-literal={r.Key}=", StringComparison.Ordinal))
                .Select(r => $"{r.File} reads key {r.Key} of {r.Secret}, which README.md's command does not set.")).Distinct());
    }

    [Fact]
    public void Every_API_host_has_an_autoscaler_that_owns_its_replica_count()
    {
        var autoscalers = _base.OfKind("HorizontalPodAutoscaler").ToList();

        Expect.None(ApiHostDeployments.SelectMany(deployment =>
        {
            var name = KubernetesBase.Name(deployment);
            var mine = autoscalers.Where(a => a.Text("spec", "scaleTargetRef", "kind") == "Deployment" && a.Text("spec", "scaleTargetRef", "name") == name).ToList();
            if (mine.Count != 1) return [$"{name}: {mine.Count} HorizontalPodAutoscalers target it, expected one."];
            var hpa = mine[0];
            var min = int.Parse(hpa.Text("spec", "minReplicas") ?? "1");
            var max = int.Parse(hpa.Text("spec", "maxReplicas") ?? "0");
            var problems = new List<string>();
            if (min < 1 || max < min) problems.Add($"{name}: the autoscaler's bounds {min}..{max} are not a range.");
            if (!hpa.Items("spec", "metrics").Any(m => m.Text("resource", "name") == "cpu"))
                problems.Add($"{name}: the autoscaler has no CPU metric.");
            // A replica count in the Deployment would be put back by every apply, undoing what the autoscaler chose.
            if (deployment.At("spec", "replicas") is not null)
                problems.Add($"{name}: the Deployment sets spec.replicas, which its autoscaler owns.");
            return problems;
        }));
    }

    [Fact]
    public void The_connector_is_scaled_by_KEDA_alone()
    {
        var connectors = KubernetesManifests.OfKind("Deployment").Select(d => KubernetesBase.Name(d.Object)).Where(n => n.StartsWith("tray-connector", StringComparison.Ordinal)).ToHashSet();

        Assert.Contains("tray-connector", connectors);
        Expect.None(KubernetesManifests.OfKind("HorizontalPodAutoscaler")
            .Where(a => connectors.Contains(a.Object.Text("spec", "scaleTargetRef", "name") ?? ""))
            .Select(a => $"{a.File}: an autoscaler targets a connector, which KEDA already scales on its backlog."));
    }

    [Fact]
    public void Every_host_has_a_disruption_budget_that_lets_a_drain_proceed()
    {
        var budgets = _base.OfKind("PodDisruptionBudget").ToList();

        Expect.None(_base.HostDeployments.Select(d => d.Deployment).SelectMany(deployment =>
        {
            var name = KubernetesBase.Name(deployment);
            var mine = budgets.Where(b => KubernetesManifests.Selects(b.At("spec", "selector")!, deployment)).ToList();
            if (mine.Count != 1) return [$"{name}: {mine.Count} PodDisruptionBudgets select its pods, expected one."];
            // minAvailable with one replica (dev) would block every node drain forever.
            return mine[0].Text("spec", "maxUnavailable") is null or "0"
                ? [$"{name}: its PodDisruptionBudget must allow one pod to go (maxUnavailable ≥ 1)."]
                : (IEnumerable<string>)[];
        }));
    }

    [Fact]
    public void The_Ingress_is_the_one_way_in_and_routes_to_the_gateway_only_over_TLS()
    {
        var ingress = Assert.Single(KubernetesManifests.OfKind("Ingress")).Object;
        var gateway = _base.OfKind("Service").Single(s => KubernetesBase.Name(s) == "gateway");
        var gatewayPorts = gateway.Items("spec", "ports").SelectMany(p => new[] { p.Text("name"), p.Text("port") }).OfType<string>().ToHashSet();
        var backends = ingress.Items("spec", "rules").SelectMany(r => r.Items("http", "paths")).Select(p => p.At("backend", "service"))
            .Append(ingress.At("spec", "defaultBackend", "service")).OfType<YamlMappingNode>().ToList();
        var hosts = ingress.Items("spec", "rules").Select(r => r.Text("host")).ToList();
        var tls = ingress.Items("spec", "tls").ToList();

        Assert.NotEmpty(backends);
        // The Ingress terminates TLS and is the gateway's peer: without the forwarded headers every anonymous caller
        // would share the controller's rate-limit bucket and the panel would redirect to http.
        Assert.Equal("true", _base.Environment(KubernetesBase.Container(_base.OfKind("Deployment").Single(d => KubernetesBase.Name(d) == "gateway")))
            .GetValueOrDefault("ASPNETCORE_FORWARDEDHEADERS_ENABLED"));
        Expect.None(backends.Where(b => b.Text("name") != "gateway" || !gatewayPorts.Contains(b.Text("port", "name") ?? b.Text("port", "number") ?? ""))
                .Select(b => $"The Ingress routes to {b.Text("name")}:{b.Text("port", "name") ?? b.Text("port", "number")}, not to the gateway Service's port.")
            .Concat(hosts.Where(h => h is null || !tls.Any(t => t.Items("hosts").Any(th => th.ToString() == h)))
                .Select(h => $"The Ingress host {h ?? "(any)"} is not covered by a TLS entry."))
            .Concat(tls.Where(t => string.IsNullOrEmpty(t.Text("secretName"))).Select(_ => "A TLS entry of the Ingress names no Secret."))
            .Concat(KubernetesManifests.OfKind("Service").Where(s => s.Object.Text("spec", "type") is "LoadBalancer" or "NodePort")
                .Select(s => $"{s.File}: Service {KubernetesBase.Name(s.Object)} is exposed around the Ingress and the gateway.")));
    }

    /// <summary>Every literal a manifest writes where a value goes: env values and ConfigMap data.</summary>
    private static IEnumerable<(string Name, string Value)> Literals(YamlMappingNode o)
    {
        var env = KubernetesManifests.Containers(o).SelectMany(c => c.Items("env"))
            .Where(v => v.Text("value") is not null).Select(v => (v.Text("name") ?? "", v.Text("value")!));
        var data = o.Text("kind") == "ConfigMap" ? o.Entries("data").Select(e => (e.Key, e.Value.ToString())) : [];
        return env.Concat(data);
    }

    private static IEnumerable<(string Secret, string? Key)> SecretReferences(YamlMappingNode o)
    {
        foreach (var container in KubernetesManifests.Containers(o))
        {
            foreach (var variable in container.Items("env"))
                if (variable.At("valueFrom", "secretKeyRef") is { } reference) yield return (reference.Text("name") ?? "", reference.Text("key"));
            foreach (var source in container.Items("envFrom"))
                if (source.Text("secretRef", "name") is { } name) yield return (name, null);
        }
        foreach (var volume in o.Items("spec", "template", "spec", "volumes"))
            if (volume.Text("secret", "secretName") is { } name) yield return (name, null);
        foreach (var target in o.Items("spec", "secretTargetRef")) // KEDA's TriggerAuthentication
            yield return (target.Text("name") ?? "", target.Text("key"));
        foreach (var tls in o.Text("kind") == "Ingress" ? o.Items("spec", "tls") : [])
            if (tls.Text("secretName") is { } name) yield return (name, null);
    }

    // The names hosts give their secrets (ConnectionStrings__postgres, Tray__ConsumerSecret, Auth__UrlSigningKey, ...).
    [GeneratedRegex("(?i)password|secret|signingkey|consumerkey|token|apikey|connectionstrings|managementuri")]
    internal static partial Regex SecretName();

    // A password in a connection string or URL, or a PEM block.
    [GeneratedRegex(@"(?i)password=|://[^/\s:@]+:[^/\s@]+@|-----BEGIN")]
    internal static partial Regex Credential();
}
