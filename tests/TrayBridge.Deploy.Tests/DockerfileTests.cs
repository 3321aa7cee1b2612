using System.Xml.Linq;

namespace TrayBridge.Deploy.Tests;

public sealed class DockerfileTests
{
    private static readonly string[] CentralFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props"];

    [Fact]
    public void Every_host_Dockerfile_restores_and_publishes_its_project_with_all_it_references()
    {
        Expect.None(Repository.Hosts.SelectMany(host =>
        {
            var lines = Instructions(host);
            var copied = string.Join('\n', lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)));
            return CentralFiles.Where(file => !copied.Contains(file)).Select(file => $"{host.Dockerfile} does not copy {file} for restore.")
                .Concat(Repository.ProjectClosure(host.ProjectFile).Where(project => !copied.Contains(project))
                    .Select(project => $"{host.Dockerfile} does not copy {project}, which {host.ProjectFile} needs, before restoring."))
                .Concat(lines.Any(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal) && l.Contains(host.ProjectFile) && l.Contains("-c Release"))
                    ? [] : [$"{host.Dockerfile} does not `dotnet publish {host.ProjectFile} -c Release`."]);
        }));
    }

    [Fact]
    public void Every_host_Dockerfile_copies_what_its_projects_take_from_outside_their_folders_before_publishing()
    {
        // E.g. the NF-e schemas (schemas/nfe/) that Invoicing and the SEFAZ simulator embed: without them in the build
        // stage the image would be built without its schemas, and no restore would notice.
        Expect.None(Repository.Hosts.SelectMany(host =>
        {
            var lines = Instructions(host);
            var publish = lines.FindIndex(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
            var copied = lines.Take(publish < 0 ? lines.Count : publish)
                .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.StartsWith("COPY --from", StringComparison.Ordinal))
                .SelectMany(l => l["COPY ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
                .Select(source => source.TrimEnd('/'))
                .ToList();
            return Repository.ProjectClosure(host.ProjectFile).SelectMany(project => OutsideItems(project)
                .Where(item => !copied.Any(source => source == "." || item == source || item.StartsWith(source + "/", StringComparison.Ordinal)))
                .Select(item => $"{host.Dockerfile} does not copy {item}, which {project} includes from outside its folder, before publishing."));
        }));
    }

    [Fact]
    public void Every_host_image_runs_its_assembly_on_aspnet_10_as_a_non_root_user_on_port_8080()
    {
        Expect.None(Repository.Hosts.SelectMany(host =>
        {
            var lines = Instructions(host);
            var final = lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal))).ToList();
            var user = final.LastOrDefault(l => l.StartsWith("USER ", StringComparison.Ordinal))?["USER ".Length..].Trim();
            return new[]
            {
                final.FirstOrDefault()?.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", StringComparison.Ordinal) == true
                    ? null : $"{host.Dockerfile}: the final stage must run on mcr.microsoft.com/dotnet/aspnet:10.0.",
                user is not null && user is not ("root" or "0" or "0:0")
                    ? null : $"{host.Dockerfile}: the final stage must switch to a non-root USER.",
                final.Contains("EXPOSE 8080") && final.Contains("ENV ASPNETCORE_HTTP_PORTS=8080")
                    ? null : $"{host.Dockerfile}: the host must listen on 8080 (ASPNETCORE_HTTP_PORTS) and EXPOSE it.",
                // The shared Dockerfile names the assembly in HOST_DLL, which its ENTRYPOINT's shell runs.
                final.Any(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal) && (l.Contains($"\"{host.AssemblyName}.dll\"")
                    || (l.Contains("exec dotnet \\\"$HOST_DLL\\\"") && final.Contains($"ENV HOST_DLL={host.AssemblyName}.dll"))))
                    ? null : $"{host.Dockerfile}: the ENTRYPOINT must run {host.AssemblyName}.dll.",
            }.OfType<string>();
        }));
    }

    [Fact]
    public void The_dockerignore_keeps_build_output_and_history_out_of_the_build_context()
    {
        var ignored = File.ReadAllLines(Repository.PathOf(".dockerignore")).Select(l => l.Trim().TrimEnd('/')).ToHashSet();

        // Without **/, a pattern matches at the root only, and every project's bin/ and obj/ would be sent.
        Expect.None(new[] { "**/bin", "**/obj", "artifacts", ".run", ".git" }
            .Where(pattern => !ignored.Contains(pattern))
            .Select(pattern => $".dockerignore lacks {pattern}/."));
    }

    /// <summary>Items (embedded resources, linked sources, content) a project includes from outside its own folder, as
    /// repository-relative folders or files: the part of the pattern before its first wildcard.</summary>
    private static IEnumerable<string> OutsideItems(string project)
    {
        var folder = Path.GetDirectoryName(Repository.PathOf(project))!;
        return XDocument.Load(Repository.PathOf(project)).Descendants()
            .Where(e => e.Name.LocalName is "EmbeddedResource" or "Compile" or "Content" or "None")
            // Files only packed into a NuGet package (the contracts' event catalogue) never reach a build's output: an image needs none.
            .Where(e => !(e.Name.LocalName == "None" && (string?)e.Attribute("Pack") == "true" && e.Attribute("CopyToOutputDirectory") is null))
            .Select(e => e.Attribute("Include")?.Value)
            .OfType<string>()
            .Select(include => include.Replace('\\', '/'))
            .Select(include => include.IndexOf('*') is var star and >= 0 ? include[..Math.Max(0, include[..star].LastIndexOf('/'))] : include)
            .Select(include => Path.GetFullPath(Path.Combine(folder, include)))
            .Where(full => full != folder && !full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(Repository.Relative)
            .Distinct();
    }

    /// <summary>The Dockerfile's instructions as they build this host: the shared Dockerfile's build arguments
    /// (<c>${HOST_DIR}</c>, <c>${HOST}</c>) replaced by the host's, as compose passes them.</summary>
    private static List<string> Instructions(HostProject host) =>
        File.Exists(Repository.PathOf(host.Dockerfile))
            ? File.ReadAllLines(Repository.PathOf(host.Dockerfile)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => host.BuildArgs.Aggregate(l, (line, arg) => line.Replace("${" + arg.Key + "}", arg.Value, StringComparison.Ordinal)))
                .ToList()
            : [];
}
