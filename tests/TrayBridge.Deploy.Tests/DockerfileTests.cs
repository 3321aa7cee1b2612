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
                final.Any(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal) && l.Contains($"\"{host.AssemblyName}.dll\""))
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

    private static List<string> Instructions(HostProject host) =>
        File.Exists(Repository.PathOf(host.Dockerfile))
            ? File.ReadAllLines(Repository.PathOf(host.Dockerfile)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList()
            : [];
}
