using YamlDotNet.RepresentationModel;

namespace TrayBridge.Deploy.Tests;

/// <summary>Every Kubernetes object written under deploy/k8s (base, components, overlays), as written, with its file:
/// what a cluster may receive, whichever overlay or instance renders it.</summary>
public static class KubernetesManifests
{
    public const string Folder = "deploy/k8s";

    public static IReadOnlyList<(string File, YamlMappingNode Object)> All { get; } = Load();

    public static IEnumerable<(string File, YamlMappingNode Object)> OfKind(string kind) => All.Where(o => o.Object.Text("kind") == kind);

    /// <summary>The folders kustomize builds: each overlay and each instance of a component (not the template alone).</summary>
    public static IEnumerable<string> Buildable =>
        Directory.EnumerateDirectories(Repository.PathOf($"{Folder}/overlays"))
            .Append(Repository.PathOf($"{Folder}/components/dedicated-connector/example"))
            .Select(Repository.Relative);

    /// <summary>Every container and init container of a workload's pod template.</summary>
    public static IEnumerable<YamlMappingNode> Containers(YamlMappingNode workload) =>
        workload.Items("spec", "template", "spec", "containers").Concat(workload.Items("spec", "template", "spec", "initContainers"))
            .OfType<YamlMappingNode>();

    public static IReadOnlyDictionary<string, string> PodLabels(YamlMappingNode workload) =>
        workload.Entries("spec", "template", "metadata", "labels").ToDictionary(e => e.Key, e => e.Value.ToString());

    /// <summary>Whether a selector's matchLabels (all of them, at least one) are on a workload's pods.</summary>
    public static bool Selects(YamlNode selector, YamlMappingNode workload)
    {
        var labels = PodLabels(workload);
        var wanted = selector.Entries("matchLabels").ToList();
        return wanted.Count > 0 && wanted.All(w => labels.GetValueOrDefault(w.Key) == w.Value.ToString());
    }

    private static List<(string, YamlMappingNode)> Load() =>
        Directory.EnumerateFiles(Repository.PathOf(Folder), "*.yaml", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(file) != "kustomization.yaml")
            .OrderBy(file => file, StringComparer.Ordinal)
            .SelectMany(file => Yaml.Load(file).Select(o => (Repository.Relative(file), o)))
            // A kustomize configuration (nameReference, ...) has no apiVersion and kind: it is not an object.
            .Where(o => o.Item2.Text("apiVersion") is not null && o.Item2.Text("kind") is not null)
            .ToList();
}
