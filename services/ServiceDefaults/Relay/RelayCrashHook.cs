using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace TrayBridge.ServiceDefaults.Relay;

/// <summary>Test hook for crash-safety tests: <c>TestHooks:KillRelayAt</c> = <c>before-publish</c> or <c>after-publish</c>
/// SIGKILLs this process at that point of the relay. Off unless configured.</summary>
public sealed class RelayCrashHook(IConfiguration configuration)
{
    public const string BeforePublish = "before-publish";
    public const string AfterPublish = "after-publish";

    private readonly string? _point = configuration["TestHooks:KillRelayAt"];

    public void Reach(string point)
    {
        if (_point == point) Process.GetCurrentProcess().Kill();
    }
}
