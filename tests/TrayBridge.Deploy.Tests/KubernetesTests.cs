using System.Text.RegularExpressions;
using TrayBridge.TrayConnector.Features.Dedicated;
using YamlDotNet.RepresentationModel;

namespace TrayBridge.Deploy.Tests;

public sealed class KubernetesTests
{
    private readonly KubernetesBase _base = KubernetesBase.Load();

    [Fact]
    public void The_base_kustomization_lists_every_manifest_in_its_folder()
    {
        var listed = _base.Resources.ToHashSet();

        Expect.None(Directory.EnumerateFiles(Repository.PathOf(KubernetesBase.Folder), "*.yaml")
            .Select(Path.GetFileName).OfType<string>()
            .Where(file => file != "kustomization.yaml" && !listed.Contains(file))
            .Select(file => $"{KubernetesBase.Folder}/{file} is not in the kustomization's resources, so it is never deployed."));
    }

    [Fact]
    public void Every_host_has_a_base_Deployment_running_its_image_behind_a_Service()
    {
        Expect.None(Repository.ProductionHosts.SelectMany(host =>
        {
            var deployments = _base.HostDeployments.Where(d => d.Host == host).Select(d => d.Deployment).ToList();
            if (deployments.Count == 0)
                return [$"{host}: no base Deployment runs {host.Image}."];
            return deployments.Where(d => !_base.OfKind("Service").Any(service => Selects(service, d)))
                .Select(d => $"{host}: no base Service selects the pods of Deployment {KubernetesBase.Name(d)}.");
        }));
    }

    [Fact]
    public void Every_base_Deployment_environment_key_is_read_by_its_host()
    {
        Expect.None(_base.HostDeployments.SelectMany(d =>
        {
            var container = KubernetesBase.Container(d.Deployment);
            return _base.UncheckableEnvFrom(container)
                .Select(source => $"{KubernetesBase.Name(d.Deployment)} takes all of {source} (envFrom): list those keys under env, or take a base ConfigMap.")
                .Concat(_base.Environment(container).Keys.Where(variable => !d.Host.Reads(variable))
                    .Select(variable => $"{KubernetesBase.Name(d.Deployment)} sets {variable}, which {d.Host} does not read."));
        }));
    }

    [Fact]
    public void Every_key_a_host_needs_is_set_by_its_base_Deployment()
    {
        Expect.None(
            from d in _base.HostDeployments
            let environment = _base.Environment(KubernetesBase.Container(d.Deployment))
                .ToDictionary(e => HostProject.ToKey(e.Key), e => e.Value, StringComparer.OrdinalIgnoreCase)
            from key in d.Host.KeysToSetInContainers
            let value = environment.GetValueOrDefault(key)
            where string.IsNullOrEmpty(value) || HostProject.PointsAtLoopback(value)
            select $"{KubernetesBase.Name(d.Deployment)} must set {key.Replace(":", "__")} to a non-empty value that is not a loopback address (now: '{value}').");
    }

    [Fact]
    public void Every_base_Deployment_has_readiness_and_liveness_probes_on_the_health_endpoints()
    {
        (string Probe, string Path)[] probes = [("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live")];

        Expect.None(
            from deployment in _base.OfKind("Deployment")
            let container = KubernetesBase.Container(deployment)
            from probe in probes
            where container.Text(probe.Probe, "httpGet", "path") != probe.Path
                  || !IsPort8080(container, container.Text(probe.Probe, "httpGet", "port"))
            select $"{KubernetesBase.Name(deployment)} needs a {probe.Probe} GET {probe.Path} on port 8080.");
    }

    [Fact]
    public void The_gateway_cluster_destinations_in_k8s_point_at_base_Services()
    {
        var services = _base.OfKind("Service").Select(KubernetesBase.Name).ToHashSet();
        var destinations = (
            from d in _base.HostDeployments
            from variable in _base.Environment(KubernetesBase.Container(d.Deployment))
            where variable.Key.StartsWith("ReverseProxy__Clusters__", StringComparison.OrdinalIgnoreCase)
                  && variable.Key.EndsWith("__Address", StringComparison.OrdinalIgnoreCase)
            select (Deployment: KubernetesBase.Name(d.Deployment), variable.Key, Uri: new Uri(variable.Value))).ToList();

        Assert.NotEmpty(destinations);
        Expect.None(
            from d in destinations
            where !services.Contains(d.Uri.Host)
            select $"{d.Deployment}: {d.Key} = {d.Uri} names no base Service.");
    }

    [Fact]
    public void The_shared_connector_scales_with_KEDA_on_the_due_work_it_claims_and_its_shared_queues_never_a_dedicated_stores_backlog()
    {
        var connector = _base.HostDeployments.Single(d => d.Host.Name == "tray-connector").Deployment;
        var scaledObject = _base.OfKind("ScaledObject").Single(s => s.Text("spec", "scaleTargetRef", "name") == KubernetesBase.Name(connector));
        var triggers = scaledObject.Items("spec", "triggers").OfType<YamlMappingNode>().ToList();
        Expect.None(triggers.Where(t => !_base.OfKind("TriggerAuthentication").Any(a => KubernetesBase.Name(a) == t.Text("authenticationRef", "name")))
            .Select(t => $"The {t.Text("type")} trigger names no TriggerAuthentication of the base."));

        // Exactly the claim of a shared process: every store's due work but the dedicated stores'.
        var backlog = triggers.Single(t => t.Text("type") == "postgresql");
        Assert.Equal(DedicatedStoresTable.BacklogQuery(null), backlog.Text("metadata", "query"));
        Assert.Contains("dedicated_stores", backlog.Text("metadata", "query"));

        var queue = triggers.Single(t => t.Text("type") == "rabbitmq");
        Assert.Equal("true", queue.Text("metadata", "useRegex"));
        Assert.Equal("sum", queue.Text("metadata", "operation"));
        var queues = new Regex(queue.Text("metadata", "queueName") ?? "$^");
        Assert.Matches(queues, "tray-connector-product-changed");
        Assert.Matches(queues, "tray-connector-product-export-requested");
        Assert.DoesNotMatch(queues, "tray-connector-product-changed_error");
        Assert.DoesNotMatch(queues, "catalog-product-exported");
    }

    [Fact]
    public void A_dedicated_connector_scales_on_exactly_the_backlog_its_process_claims_for_its_store()
    {
        const string Folder = "deploy/k8s/components/dedicated-connector";
        var template = Yaml.Load(Repository.PathOf($"{Folder}/template/scaledobject.yaml")).Single(o => o.Text("kind") == "ScaledObject");
        var trigger = Assert.Single(template.Items("spec", "triggers").OfType<YamlMappingNode>());
        Assert.Equal("postgresql", trigger.Text("type"));
        Assert.Contains(_base.OfKind("TriggerAuthentication"), a => KubernetesBase.Name(a) == trigger.Text("authenticationRef", "name"));
        // The template's placeholder is the store id its Deployment passes the process (Connector__DedicatedStoreId, first).
        Assert.Equal(DedicatedStoresTable.BacklogQuery("STORE_ID"), trigger.Text("metadata", "query"));
        var deployment = Yaml.Load(Repository.PathOf($"{Folder}/template/deployment.yaml")).Single(o => o.Text("kind") == "Deployment");
        var first = KubernetesBase.Container(deployment).Items("env").First();
        Assert.Equal(("Connector__DedicatedStoreId", "STORE_ID"), (first.Text("name"), first.Text("value")));

        // The example instance replaces both with the same store id.
        var example = Yaml.Load(Repository.PathOf($"{Folder}/example/kustomization.yaml")).Single();
        string Replaced(string kind, string path) => Yaml.LoadText(example.Items("patches").Single(p => p.Text("target", "kind") == kind).Text("patch")!)
            .Items().Single(op => op.Text("op") == "replace" && op.Text("path") == path).Text("value")!;
        var storeId = Replaced("Deployment", "/spec/template/spec/containers/0/env/0/value");
        Assert.Equal("12345", storeId);
        Assert.Equal(DedicatedStoresTable.BacklogQuery(storeId), Replaced("ScaledObject", "/spec/triggers/0/metadata/query"));
    }

    [Fact]
    public void Every_overlay_tags_every_host_image_and_sets_replicas_only_of_base_Deployments_no_autoscaler_owns()
    {
        // An autoscaled Deployment's count is the autoscaler's: overlays move its minReplicas/maxReplicas instead.
        var deployments = _base.OfKind("Deployment").Select(KubernetesBase.Name)
            .Except(_base.OfKind("HorizontalPodAutoscaler").Select(a => a.Text("spec", "scaleTargetRef", "name") ?? "")).ToHashSet();

        Expect.None(Directory.EnumerateDirectories(Repository.PathOf("deploy/k8s/overlays")).SelectMany(folder =>
        {
            var overlay = Yaml.Load(Path.Combine(folder, "kustomization.yaml")).Single();
            var name = Repository.Relative(folder);
            var tagged = overlay.Items("images").Select(i => i.Text("name")).ToHashSet();
            return Repository.ProductionHosts.Where(h => !tagged.Contains(h.Image)).Select(h => $"{name} does not set the tag of {h.Image}.")
                .Concat(overlay.Items("replicas").Select(r => r.Text("name") ?? "").Where(d => !deployments.Contains(d))
                    .Select(d => $"{name} sets replicas of {d}, which is no base Deployment or is owned by an autoscaler."));
        }));
    }

    [Fact]
    public void Only_the_gateway_may_reach_the_services_and_the_panel()
    {
        var policy = Assert.Single(_base.OfKind("NetworkPolicy"));
        var selected = policy.Items("spec", "podSelector", "matchExpressions")
            .Where(e => e.Text("key") == "app.kubernetes.io/name" && e.Text("operator") == "In")
            .SelectMany(e => e.Items("values").Select(v => v.ToString())).ToHashSet();
        var guarded = _base.HostDeployments.Where(d => d.Host.Folder != "gateway")
            .Select(d => d.Deployment.Text("spec", "template", "metadata", "labels", "app.kubernetes.io/name") ?? "").ToList();

        Expect.None(guarded.Where(name => !selected.Contains(name)).Select(name => $"{name} is reachable by any pod: add it to the NetworkPolicy."));
        Assert.Contains("tray-connector-store", selected); // the dedicated connectors too
        // In the namespace only the gateway; from outside it only Prometheus, which scrapes /metrics (issue 15).
        var from = policy.Items("spec", "ingress").SelectMany(i => i.Items("from")).ToList();
        Assert.Single(from, f => f.At("namespaceSelector") is null && f.Text("podSelector", "matchLabels", "app.kubernetes.io/name") == "gateway");
        Assert.All(from, f => Assert.True(f.At("namespaceSelector") is null
            ? f.Text("podSelector", "matchLabels", "app.kubernetes.io/name") == "gateway"
            : f.Text("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name") == "monitoring"
              && f.Text("podSelector", "matchLabels", "app.kubernetes.io/name") == "prometheus", f.ToString()));
    }

    [Fact]
    public void A_dedicated_connector_gets_every_setting_and_volume_of_the_shared_one()
    {
        var shared = KubernetesBase.Container(_base.OfKind("Deployment").Single(d => KubernetesBase.Name(d) == "tray-connector"));
        var template = Yaml.Load(Repository.PathOf("deploy/k8s/components/dedicated-connector/template/deployment.yaml"))
            .Single(o => o.Text("kind") == "Deployment");
        var dedicated = KubernetesBase.Container(template);
        static HashSet<string> Names(YamlMappingNode node, params string[] path) => node.Items(path).Select(i => i.Text("name") ?? "").ToHashSet();

        // Without the Tray app it cannot refresh a token; without the Data Protection certificate it cannot decrypt one.
        Expect.None(Names(shared, "env").Except(Names(dedicated, "env")).Select(n => $"The dedicated connector lacks {n}."));
        Expect.None(Names(shared, "volumeMounts").Except(Names(dedicated, "volumeMounts")).Select(n => $"The dedicated connector does not mount {n}."));
        var sharedDeployment = _base.OfKind("Deployment").Single(d => KubernetesBase.Name(d) == "tray-connector");
        Expect.None(Names(sharedDeployment, "spec", "template", "spec", "volumes").Except(Names(template, "spec", "template", "spec", "volumes"))
            .Select(n => $"The dedicated connector has no volume {n}."));
    }

    private static bool Selects(YamlMappingNode service, YamlMappingNode deployment)
    {
        var selector = service.Entries("spec", "selector").ToList();
        var labels = deployment.Entries("spec", "template", "metadata", "labels").Select(l => (l.Key, l.Value.ToString())).ToHashSet();
        return selector.Count > 0 && selector.All(s => labels.Contains((s.Key, s.Value.ToString())));
    }

    private static bool IsPort8080(YamlMappingNode container, string? port) =>
        port == "8080" || container.Items("ports").Any(p => p.Text("name") == port && p.Text("containerPort") == "8080");
}
