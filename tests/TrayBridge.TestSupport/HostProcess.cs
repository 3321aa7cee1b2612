using System.Collections.Concurrent;
using System.Diagnostics;

namespace TrayBridge.TestSupport;

/// <summary>One TrayBridge host running as a real process on loopback, as <c>build.ps1 run</c> starts it.
/// It can be SIGKILLed and started again on the same port and settings. With <paramref name="logFile"/>, everything it
/// writes is also appended there (across restarts), so a test can search all of it, not only the tail.</summary>
public sealed class HostProcess(string name, string projectDirectory, string assemblyName, IReadOnlyDictionary<string, string> settings,
    string? logFile = null) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public string Name => name;
    public int Port { get; } = RepositoryLayout.FreePort();
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string OutputTail => string.Join('\n', _output.TakeLast(60));

    public async Task StartAsync(IReadOnlyDictionary<string, string>? extraSettings = null, TimeSpan? timeout = null)
    {
        var dll = RepositoryLayout.HostAssembly(projectDirectory, assemblyName);
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings.Concat(extraSettings ?? new Dictionary<string, string>()))
            start.Environment[key] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Two minutes: a system of nine hosts starting together on two cores (the panel's) can take more than one.
        await WaitReadyAsync(timeout ?? TimeSpan.FromSeconds(120));
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        // stdout and stderr arrive on different threads.
        if (logFile is not null) lock (_output) File.AppendAllText(logFile, line + "\n");
        _output.Enqueue(line);
        while (_output.Count > 500) _output.TryDequeue(out _);
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (HasExited) throw new InvalidOperationException($"{name} exited while starting:\n{OutputTail}");
            try
            {
                if ((await http.GetAsync("health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{name} was not ready within {timeout}:\n{OutputTail}");
    }

    /// <summary>Waits for the host to end by itself (e.g. a crash hook killed it).</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process!.WaitForExitAsync(cancel.Token);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush — what a crashed pod looks like.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _process = null; // disposing twice (a test's `using` and the system's) is harmless
    }
}
