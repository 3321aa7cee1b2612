using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace TrayBridge.TestSupport;

public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build output of a host project, in the configuration the tests were built in.</summary>
    public static string HostAssembly(string projectDirectory, string assemblyName)
    {
        var configuration = typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(Root, projectDirectory, "bin", configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution first.", path);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrayBridge.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("TrayBridge.slnx not found above " + AppContext.BaseDirectory);
    }
}
