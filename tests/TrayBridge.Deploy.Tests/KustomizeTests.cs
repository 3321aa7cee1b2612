namespace TrayBridge.Deploy.Tests;

/// <summary>Every overlay and component instance names files that exist and parse. No kustomize able to render these
/// overlays can be installed here (Debian's kubernetes-client 1.20 bundles v2.0, which knows neither <c>labels</c> nor
/// <c>patches</c> by target), and a test that skips where it is missing proves nothing on CI: the rendered invariants
/// (tags, autoscalers, disruption budgets) are checked on the files themselves by the other deploy tests.</summary>
public sealed class KustomizeTests
{
    public static TheoryData<string> Buildable => [.. KubernetesManifests.Buildable];

    [Theory]
    [MemberData(nameof(Buildable))]
    public void Every_file_a_kustomization_names_exists_and_parses(string folder) =>
        Expect.None(Problems(Repository.PathOf(folder), new HashSet<string>(StringComparer.Ordinal)));

    /// <summary>What kustomize would open for a kustomization folder, recursively: resources, components, patch files and
    /// configurations exist; every YAML file among them parses.</summary>
    private static IEnumerable<string> Problems(string folder, HashSet<string> seen)
    {
        if (!seen.Add(Path.GetFullPath(folder))) yield break;
        var file = Path.Combine(folder, "kustomization.yaml");
        if (!File.Exists(file)) { yield return $"{Repository.Relative(folder)} has no kustomization.yaml."; yield break; }
        if (ParseError(file) is { } invalid) { yield return $"{Repository.Relative(file)} does not parse: {invalid}"; yield break; }
        var kustomization = Yaml.Load(file).Single();

        var named = kustomization.Items("resources").Concat(kustomization.Items("components")).Select(n => n.ToString())
            .Concat(kustomization.Items("patches").Select(p => p.Text("path")).OfType<string>())
            .Concat(kustomization.Items("patchesStrategicMerge").Concat(kustomization.Items("configurations")).Select(n => n.ToString()));
        foreach (var entry in named.Where(e => !e.Contains("://", StringComparison.Ordinal)))
        {
            var path = Path.GetFullPath(Path.Combine(folder, entry));
            if (Directory.Exists(path))
                foreach (var problem in Problems(path, seen)) yield return problem;
            else if (!File.Exists(path))
                yield return $"{Repository.Relative(file)} names {entry}, which does not exist.";
            else if (ParseError(path) is { } error)
                yield return $"{Repository.Relative(path)} does not parse: {error}";
        }
    }

    private static string? ParseError(string path)
    {
        try { Yaml.Load(path); return null; }
        catch (Exception e) { return e.Message; }
    }
}
