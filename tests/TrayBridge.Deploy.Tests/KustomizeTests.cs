using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace TrayBridge.Deploy.Tests;

/// <summary>Every overlay and component instance names files that exist and parse, and renders with <c>kubectl kustomize</c>
/// (kubectl ≥ 1.22, whose Kustomize knows <c>labels</c> and <c>patches</c> by target) into objects that keep the
/// invariants a cluster relies on: what is checked on the files elsewhere is checked again on what is actually applied,
/// where a patch, a name suffix or an image transformer could have undone it. No kubectl fails the test: a skip would
/// prove nothing on CI.</summary>
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

    [Theory]
    [MemberData(nameof(Buildable))]
    public void Kubectl_kustomize_renders_it_into_objects_that_keep_every_invariant(string folder)
    {
        var rendered = Render(folder);
        var deployments = rendered.Where(o => o.Text("kind") == "Deployment").ToList();
        Assert.NotEmpty(deployments);

        Expect.None(RenderedProblems(rendered, deployments).Select(problem => $"{folder} (rendered): {problem}"));
    }

    private static IEnumerable<string> RenderedProblems(IReadOnlyList<YamlMappingNode> rendered, IReadOnlyList<YamlMappingNode> deployments)
    {
        static string Name(YamlNode o) => o.Text("metadata", "name") ?? "?";
        var deploymentNames = deployments.Select(Name).ToHashSet(StringComparer.Ordinal);

        foreach (var deployment in deployments)
        foreach (var container in KubernetesManifests.Containers(deployment))
        {
            var where = $"Deployment {Name(deployment)}, container {container.Text("name")}";
            // Init containers run to completion: probes are for the containers that serve.
            var serving = deployment.Items("spec", "template", "spec", "containers").Contains(container);
            foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
                if (serving && container.At(probe) is not YamlMappingNode) yield return $"{where} has no {probe}.";
            foreach (var bound in new[] { "requests", "limits" })
            foreach (var resource in new[] { "cpu", "memory" })
                if (string.IsNullOrWhiteSpace(container.Text("resources", bound, resource))) yield return $"{where} has no resources.{bound}.{resource}.";
            var image = container.Text("image") ?? "";
            var tag = image.Contains('@', StringComparison.Ordinal) ? "digest" : Yaml.WithoutTag(image) == image ? null : image[(image.LastIndexOf(':') + 1)..];
            if (tag is null or "latest") yield return $"{where} runs image '{image}' without a tag (or :latest).";
            foreach (var variable in container.Items("env"))
            {
                var name = variable.Text("name") ?? "";
                if (variable.Text("value") is { } value && (KubernetesOperationsTests.SecretName().IsMatch(name) || KubernetesOperationsTests.Credential().IsMatch(value)))
                    yield return $"{where}: {name} is a literal; a secret is taken by reference (secretKeyRef).";
            }
            foreach (var source in container.Items("envFrom"))
                if (source.At("configMapRef") is null && source.At("secretRef") is null) yield return $"{where} takes its environment from neither a ConfigMap nor a Secret.";
        }

        foreach (var o in rendered)
        {
            var what = $"{o.Text("kind")} {Name(o)}";
            switch (o.Text("kind"))
            {
                case "Secret":
                    yield return $"{what}: a Secret is rendered, so its values are in the repository; make it in the cluster.";
                    break;
                case "ConfigMap":
                    foreach (var (key, value) in o.Entries("data"))
                        if (KubernetesOperationsTests.SecretName().IsMatch(key) || KubernetesOperationsTests.Credential().IsMatch(value.ToString()))
                            yield return $"{what}: {key} holds a secret in a ConfigMap.";
                    break;
                case "HorizontalPodAutoscaler":
                    if (o.Text("spec", "scaleTargetRef", "kind") != "Deployment" || !deploymentNames.Contains(o.Text("spec", "scaleTargetRef", "name") ?? ""))
                        yield return $"{what} scales {o.Text("spec", "scaleTargetRef", "kind")} {o.Text("spec", "scaleTargetRef", "name")}, not a rendered Deployment.";
                    break;
                case "ScaledObject":
                    // KEDA's scaleTargetRef is a Deployment unless it names another kind.
                    if ((o.Text("spec", "scaleTargetRef", "kind") ?? "Deployment") != "Deployment" || !deploymentNames.Contains(o.Text("spec", "scaleTargetRef", "name") ?? ""))
                        yield return $"{what} scales {o.Text("spec", "scaleTargetRef", "name")}, not a rendered Deployment.";
                    break;
                case "PodDisruptionBudget":
                    if (o.At("spec", "selector") is not { } selector || !deployments.Any(d => KubernetesManifests.Selects(selector, d)))
                        yield return $"{what} selects the pods of no rendered Deployment.";
                    break;
                case "TriggerAuthentication":
                    if (o.At("spec", "env") is not null || o.Items("spec", "secretTargetRef").Any(t => string.IsNullOrEmpty(t.Text("name"))))
                        yield return $"{what} takes a value other than from a Secret by name.";
                    break;
            }
        }
    }

    /// <summary>The objects <c>kubectl kustomize</c> renders for a folder.</summary>
    private static List<YamlMappingNode> Render(string folder)
    {
        var kubectl = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl")).FirstOrDefault(File.Exists);
        if (kubectl is null)
            Assert.Fail("kubectl (≥ 1.22, with its built-in Kustomize) is needed to render deploy/k8s and was not found on PATH: install it "
                        + "(https://kubernetes.io/docs/tasks/tools/) and run the tests again. README.md lists it among the test prerequisites.");
        var start = new ProcessStartInfo(kubectl, ["kustomize", Repository.PathOf(folder)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kubectl kustomize {folder} did not finish within 60 s.");
        }
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} failed ({process.ExitCode}): {error.Result}");
        var stream = new YamlStream();
        stream.Load(new StringReader(output.Result));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static string? ParseError(string path)
    {
        try { Yaml.Load(path); return null; }
        catch (Exception e) { return e.Message; }
    }
}
