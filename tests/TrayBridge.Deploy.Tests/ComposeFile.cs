using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace TrayBridge.Deploy.Tests;

/// <summary>docker-compose.yml as Compose reads it on a fresh machine: anchors merged, <c>${VAR:-default}</c> taken as its default.</summary>
public sealed partial class ComposeFile
{
    public IReadOnlyDictionary<string, YamlMappingNode> Services { get; }

    private ComposeFile(YamlMappingNode root) =>
        Services = root.Entries("services").ToDictionary(e => e.Key, e => (YamlMappingNode)e.Value, StringComparer.Ordinal);

    public static ComposeFile Load() => new(Yaml.Load(Repository.PathOf("docker-compose.yml")).Single());

    /// <summary>The compose services that build a host's Dockerfile, with that host.</summary>
    public IEnumerable<(string Service, HostProject Host)> HostServices =>
        from service in Services
        from host in Repository.Hosts
        where BuiltDockerfile(service.Value) == host.Dockerfile
              && host.BuildArgs.All(arg => service.Value.Text("build", "args", arg.Key) == arg.Value)
        select (service.Key, host);

    /// <summary>The build context, repository-relative ("." for the root); null for a service that runs a ready image.</summary>
    public static string? BuildContext(YamlMappingNode service) => service.At("build") switch
    {
        YamlScalarNode context => Normalise(context.Value ?? "."),
        YamlMappingNode build => Normalise(build.Text("context") ?? "."),
        _ => null,
    };

    /// <summary>The Dockerfile a service builds, repository-relative.</summary>
    public static string? BuiltDockerfile(YamlMappingNode service) => BuildContext(service) is { } context
        ? Normalise(Path.Combine(context, service.Text("build", "dockerfile") ?? "Dockerfile"))
        : null;

    public static IReadOnlyDictionary<string, string> Environment(YamlMappingNode service)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in service.Entries("environment"))
            variables[key] = Interpolate((value as YamlScalarNode)?.Value ?? "");
        foreach (var item in service.Items("environment").OfType<YamlScalarNode>())
        {
            var parts = (item.Value ?? "").Split('=', 2);
            variables[parts[0]] = Interpolate(parts.Length == 2 ? parts[1] : "");
        }
        return variables;
    }

    /// <summary>(published, container) port pairs of the short syntax ("127.0.0.1:5432:5432", "5080:8080").</summary>
    public static IEnumerable<(string Published, string Container)> Ports(YamlMappingNode service) =>
        from item in service.Items("ports").OfType<YamlScalarNode>()
        let parts = (item.Value ?? "").Split(':')
        where parts.Length >= 2
        select (parts[^2], parts[^1]);

    /// <summary>What a variable reference gives where the variable is unset: its default, else nothing; a required one
    /// (<c>${VAR:?message}</c>, which Compose refuses to start without) reads <see cref="FromEnvironment"/>.</summary>
    public static string Interpolate(string value) =>
        VariableReference().Replace(value, m => m.Groups["op"].Value switch
        {
            ":-" or "-" => m.Groups["default"].Value,
            ":?" or "?" => FromEnvironment(m.Groups["name"].Value),
            _ => "",
        }).Replace("$$", "$");

    /// <summary>The value of a variable Compose requires from the environment.</summary>
    public static string FromEnvironment(string variable) => $"<required {variable}>";

    private static string Normalise(string relative) => Repository.Relative(Path.GetFullPath(Path.Combine(Repository.Root, relative)));

    [GeneratedRegex(@"\$\{(?<name>\w+)(?:(?<op>:?[-?+])(?<default>[^}]*))?\}")]
    private static partial Regex VariableReference();
}
