using YamlDotNet.RepresentationModel;

namespace TrayBridge.Deploy.Tests;

/// <summary>The objects deploy/k8s/base's kustomization lists, as written (before any overlay).</summary>
public sealed class KubernetesBase
{
    public const string Folder = "deploy/k8s/base";

    public YamlMappingNode Kustomization { get; }
    public IReadOnlyList<YamlMappingNode> Objects { get; }

    private KubernetesBase()
    {
        Kustomization = Yaml.Load(Repository.PathOf($"{Folder}/kustomization.yaml")).Single();
        Objects = Resources.SelectMany(file => Yaml.Load(Repository.PathOf($"{Folder}/{file}"))).ToList();
    }

    public static KubernetesBase Load() => new();

    public IEnumerable<string> Resources => Kustomization.Items("resources").OfType<YamlScalarNode>().Select(r => r.Value ?? "");

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(o => o.Text("kind") == kind);

    public static string Name(YamlNode item) => item.Text("metadata", "name") ?? "";

    /// <summary>The base Deployments whose first container runs a host's image, with that host.</summary>
    public IEnumerable<(YamlMappingNode Deployment, HostProject Host)> HostDeployments =>
        from deployment in OfKind("Deployment")
        from host in Repository.ProductionHosts
        where Yaml.WithoutTag(Container(deployment).Text("image") ?? "") == host.Image
        select (deployment, host);

    public static YamlMappingNode Container(YamlMappingNode deployment) =>
        deployment.Items("spec", "template", "spec", "containers").OfType<YamlMappingNode>().FirstOrDefault() ?? new YamlMappingNode();

    /// <summary>A container's variables: literal values, a placeholder for values from a Secret or the downward API,
    /// and the data of every ConfigMap it takes whole (<c>envFrom</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment(YamlMappingNode container)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.Items("envFrom"))
            foreach (var (key, value) in ConfigMap(source.Text("configMapRef", "name")).Entries("data"))
                variables[key] = (value as YamlScalarNode)?.Value ?? "";
        foreach (var variable in container.Items("env"))
            variables[variable.Text("name") ?? ""] = variable.At("valueFrom") is { } from
                ? $"(from {string.Join('/', from.Entries().Select(e => e.Key))})"
                : variable.Text("value") ?? "";
        return variables;
    }

    /// <summary>Names a container takes whole from something other than a base ConfigMap, whose keys cannot be checked here.</summary>
    public IEnumerable<string> UncheckableEnvFrom(YamlMappingNode container) =>
        from source in container.Items("envFrom")
        let configMap = source.Text("configMapRef", "name")
        where configMap is null || !OfKind("ConfigMap").Any(c => Name(c) == configMap)
        select configMap ?? string.Join(", ", source.Entries().Select(e => e.Key));

    private YamlNode? ConfigMap(string? name) => name is null ? null : OfKind("ConfigMap").FirstOrDefault(c => Name(c) == name);
}
