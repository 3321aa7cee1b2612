using System.Text.Json;
using System.Xml.Linq;

namespace TrayBridge.Deploy.Tests;

/// <summary>The repository these tests guard, found from the test binary, and the web hosts it holds.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every Microsoft.NET.Sdk.Web project under services/, gateway/, web/ and simulators/: what must be deployed.</summary>
    public static IReadOnlyList<HostProject> Hosts { get; } = FindHosts();

    /// <summary>The hosts a cluster runs: the simulators are for development, demos, tests and benchmarks (compose), not production.</summary>
    public static IReadOnlyList<HostProject> ProductionHosts { get; } = Hosts.Where(h => !h.Folder.StartsWith("simulators/", StringComparison.Ordinal)).ToList();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <summary>A project and every project it references, transitively, as repository-relative paths.</summary>
    public static IReadOnlySet<string> ProjectClosure(string projectFile)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(PathOf(projectFile))]);
        while (pending.TryPop(out var project))
        {
            if (!found.Add(Relative(project))) continue;
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value)));
        }
        return found;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrayBridge.slnx")))
                return dir.FullName;
        throw new InvalidOperationException($"No TrayBridge.slnx above {AppContext.BaseDirectory}.");
    }

    private static List<HostProject> FindHosts() =>
        new[] { "services", "gateway", "web", "simulators" }.Select(PathOf).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Select(file => (File: file, Xml: XDocument.Load(file)))
            .Where(p => p.Xml.Root?.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web")
            .Select(p => new HostProject(
                Relative(Path.GetDirectoryName(p.File)!),
                Relative(p.File),
                p.Xml.Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(p.File),
                ReadSettings(Path.Combine(Path.GetDirectoryName(p.File)!, "appsettings.json"))))
            .OrderBy(h => h.Folder, StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, string> ReadSettings(string appsettings)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(appsettings)) return settings;
        using var json = JsonDocument.Parse(File.ReadAllText(appsettings),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Flatten(json.RootElement, "", settings);
        return settings;
    }

    // The same key paths Microsoft.Extensions.Configuration builds: sections joined by ':', array items by index.
    private static void Flatten(JsonElement element, string path, Dictionary<string, string> into)
    {
        string Child(string name) => path.Length == 0 ? name : $"{path}:{name}";
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Flatten(property.Value, Child(property.Name), into);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) Flatten(item, Child((index++).ToString()), into);
                break;
            case JsonValueKind.String:
                into[path] = element.GetString()!;
                break;
            case JsonValueKind.Null:
                into[path] = "";
                break;
            default:
                into[path] = element.GetRawText();
                break;
        }
    }
}

/// <summary>A web host and the configuration keys its appsettings.json declares, which are all the keys it reads.</summary>
public sealed record HostProject(string Folder, string ProjectFile, string AssemblyName, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>Variables the framework reads although appsettings.json does not list them.</summary>
    public static readonly IReadOnlySet<string> FrameworkKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME",
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
    };

    // Empty in appsettings.json and still optional: each leaves a diagnostic, test or simulator feature off until it is set
    // (a PKCS#12 file may have no password; the shared signing key is read only in Auth:Mode SharedKey, development and
    // tests — containers run the default Authority mode, which requires Auth:Authority instead; without a schema
    // folder the NF-e schemas embedded in the host are used; without our Tray app's code, webhooks are not filtered by it;
    // without a SEFAZ override, the official web-service table decides where notes go — production's case; a connector
    // without a dedicated store is a shared one, and without an instance name it sends the machine's).
    private static readonly string[] OptionalWhenEmpty = [
        "Telemetry:SpanFile", "TestHooks:", "Tray:SimulatorHost", "DataProtection:CertificatePassword", "Auth:SigningKey",
        "Identity:SigningKeyPath", "Invoicing:SchemaFolder", "SefazSimulator:SchemaFolder", "Tray:Webhooks:AppCode", "Invoicing:Sefaz:EndpointOverride",
        "Connector:DedicatedStoreId", "Connector:Instance"];

    /// <summary>The folder's name in kebab-case (TrayConnector → tray-connector).</summary>
    public string Name => string.Concat(Path.GetFileName(Folder).Select((c, i) =>
        char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));

    /// <summary>The image compose builds and Kubernetes runs, without its tag.</summary>
    public string Image => $"traybridge/{Name}";

    /// <summary>The Dockerfile that builds the host: its own folder's, else the nearest one above it — today the
    /// repository root's, shared by every host and told which by <see cref="BuildArgs"/>.</summary>
    public string Dockerfile
    {
        get
        {
            for (var folder = Folder; ; folder = Path.GetDirectoryName(folder)!.Replace('\\', '/'))
            {
                var candidate = folder.Length == 0 ? "Dockerfile" : $"{folder}/Dockerfile";
                if (folder.Length == 0 || File.Exists(Repository.PathOf(candidate))) return candidate;
            }
        }
    }

    /// <summary>The build arguments a shared Dockerfile needs for this host (its folder, its project's and assembly's
    /// name); none for a Dockerfile of its own.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs => Dockerfile != $"{Folder}/Dockerfile"
        ? new Dictionary<string, string> { ["HOST_DIR"] = Folder, ["HOST"] = Path.GetFileNameWithoutExtension(ProjectFile) }
        : new Dictionary<string, string>();

    /// <summary>Whether an environment variable (':' written '__') is a key this host reads.</summary>
    public bool Reads(string variable) => FrameworkKeys.Contains(variable) || Settings.ContainsKey(ToKey(variable));

    /// <summary>Keys a container must set: those with no default, and those whose default is a loopback address,
    /// which inside a container or pod is the container itself.</summary>
    public IEnumerable<string> KeysToSetInContainers => Settings
        .Where(s => (s.Value.Length == 0 && !OptionalWhenEmpty.Any(o => s.Key.StartsWith(o, StringComparison.OrdinalIgnoreCase)))
                    || PointsAtLoopback(s.Value))
        .Select(s => s.Key);

    public static string ToKey(string variable) => variable.Replace("__", ":");

    public static bool PointsAtLoopback(string value) =>
        value.Contains("127.0.0.1") || value.Contains("[::1]") || value.Contains("localhost", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Folder;
}
