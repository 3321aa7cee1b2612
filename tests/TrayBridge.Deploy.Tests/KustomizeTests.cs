using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace TrayBridge.Deploy.Tests;

/// <summary>Every overlay and component instance builds: rendered by kustomize when the machine has it (a standalone
/// <c>kustomize</c>, or <c>kubectl</c> with kustomize v4.2+; Debian's kubernetes-client 1.20 bundles v2.0, which knows
/// neither <c>labels</c> nor <c>patches</c> by target), and in any case every file a kustomization names exists and parses.</summary>
public sealed partial class KustomizeTests
{
    public static TheoryData<string> Buildable => [.. KubernetesManifests.Buildable];

    [Theory]
    [MemberData(nameof(Buildable))]
    public void Every_file_a_kustomization_names_exists_and_parses(string folder) =>
        Expect.None(Problems(Repository.PathOf(folder), new HashSet<string>(StringComparer.Ordinal)));

    [Theory]
    [MemberData(nameof(Buildable))]
    public void Kustomize_renders_it_with_every_host_tagged_autoscaled_and_budgeted(string folder)
    {
        var renderer = Renderer.Value;
        Assert.SkipWhen(renderer is null, "Neither kustomize nor kubectl with kustomize v4.2+ is on PATH; the structural check ran instead.");

        var objects = Render(renderer!.Value, Repository.PathOf(folder));
        var deployments = objects.Where(o => o.Text("kind") == "Deployment").ToList();
        var namespaced = Yaml.Load(Repository.PathOf($"{folder}/kustomization.yaml")).Single().Text("namespace");
        // An overlay is what a cluster receives; a component instance is included by one, which sets the image tags.
        var overlay = folder.Contains("/overlays/", StringComparison.Ordinal);

        Assert.NotEmpty(deployments);
        Expect.None(
            deployments.SelectMany(KubernetesManifests.Containers).Where(c => overlay && !Regex.IsMatch(c.Text("image") ?? "", @":[\w.-]+$"))
                .Select(c => $"{folder}: container {c.Text("name")} runs {c.Text("image")} without a tag.")
            .Concat(objects.Where(o => namespaced is not null && o.Text("metadata", "namespace") != namespaced)
                .Select(o => $"{folder}: {o.Text("kind")} {o.Text("metadata", "name")} is not in namespace {namespaced}."))
            .Concat(objects.Where(o => o.Text("kind") is "HorizontalPodAutoscaler" or "ScaledObject")
                .Where(o => !deployments.Any(d => d.Text("metadata", "name") == o.Text("spec", "scaleTargetRef", "name")))
                .Select(o => $"{folder}: {o.Text("kind")} {o.Text("metadata", "name")} scales a Deployment it does not render."))
            .Concat(deployments.Where(d => !objects.Any(o => o.Text("kind") is "HorizontalPodAutoscaler" or "ScaledObject"
                    && o.Text("spec", "scaleTargetRef", "name") == d.Text("metadata", "name")))
                .Select(d => $"{folder}: Deployment {d.Text("metadata", "name")} has no autoscaler."))
            .Concat(deployments.Where(d => !objects.Any(o => o.Text("kind") == "PodDisruptionBudget" && KubernetesManifests.Selects(o.At("spec", "selector")!, d)))
                .Select(d => $"{folder}: Deployment {d.Text("metadata", "name")} has no PodDisruptionBudget.")));
    }

    private static readonly Lazy<(string Command, string[] Arguments)?> Renderer = new(FindRenderer);

    private static (string, string[])? FindRenderer()
    {
        if (Run("kustomize", ["version"]) is { ExitCode: 0 }) return ("kustomize", ["build"]);
        return Run("kubectl", ["version", "--client"]) is { ExitCode: 0 } kubectl
               && KustomizeVersion().Match(kubectl.Output) is { Success: true } version
               && new Version(int.Parse(version.Groups[1].Value), int.Parse(version.Groups[2].Value)) >= new Version(4, 2)
            ? ("kubectl", ["kustomize"])
            : null;
    }

    private static List<YamlMappingNode> Render((string Command, string[] Arguments) renderer, string folder)
    {
        var result = Run(renderer.Command, [.. renderer.Arguments, folder]);
        Assert.True(result is { ExitCode: 0 }, $"{renderer.Command} {string.Join(' ', renderer.Arguments)} {Repository.Relative(folder)} failed: {result?.Output}");
        var stream = new YamlStream();
        stream.Load(new StringReader(result!.Value.Output));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static (int ExitCode, string Output)? Run(string command, string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(30_000)) { process.Kill(); return null; }
            return (process.ExitCode, output.Result + errors);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }

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

    [GeneratedRegex(@"Kustomize Version: v(\d+)\.(\d+)")]
    private static partial Regex KustomizeVersion();
}
