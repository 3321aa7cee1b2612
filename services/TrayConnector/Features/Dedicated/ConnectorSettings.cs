namespace TrayBridge.TrayConnector.Features.Dedicated;

/// <summary>The <c>Connector</c> section: which stores this process serves and how it names itself to Tray.</summary>
public sealed class ConnectorSettings
{
    /// <summary>Set: this process is that Tray store's dedicated connector and does only its Tray work (and declares it, so
    /// the shared connectors leave the store alone). Empty: a shared connector, serving every store not declared dedicated.</summary>
    public string? DedicatedStoreId { get; set; }

    /// <summary>Named in the <c>User-Agent</c> of every Tray call (the pod's name in Kubernetes), so a call can be traced to
    /// the process that made it. Defaults to the machine name.</summary>
    public string? Instance { get; set; }

    /// <summary>How long a person's request that must call Tray for a store served by a dedicated connector (Testar conexão,
    /// Tray's categories and brands…) waits for that connector's answer: above a person's longest wait for a budget slot
    /// (<c>Tray:Budget:MaxWait</c>, 20 s), under the panel's own timeout (30 s), so the person reads why.</summary>
    public TimeSpan ForwardTimeout { get; set; } = TimeSpan.FromSeconds(25);

    public bool IsDedicated => !string.IsNullOrWhiteSpace(DedicatedStoreId);

    public string InstanceName => string.Concat((string.IsNullOrWhiteSpace(Instance) ? Environment.MachineName : Instance)
        .Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'));
}
