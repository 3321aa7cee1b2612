using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>One running TrayBridge (Tray simulator, four services, gateway) for a test class.</summary>
public class SystemFixture : IAsyncLifetime
{
    private TrayBridgeSystem? _system;
    private string? _skipReason;

    /// <summary>The running system; skips the calling test when there are no servers to run it on.</summary>
    public TrayBridgeSystem System
    {
        get
        {
            if (_skipReason is not null) Assert.Skip(_skipReason);
            return _system ?? throw new InvalidOperationException("Not started.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        _skipReason = await TestInfrastructure.UnavailableReasonAsync();
        if (_skipReason is null) _system = await StartAsync();
    }

    /// <summary>How this fixture's system starts; a fixture for a heavier test can shorten Tray's budget here. A store may
    /// have 20 notifications waiting (1000 by default), so the webhook flood test stays small on the shared system; no
    /// other test comes near either ceiling.</summary>
    protected virtual Task<TrayBridgeSystem> StartAsync() =>
        TrayBridgeSystem.StartAsync(configure: system => system.SetConnectorSetting("Tray__Webhooks__MaxPendingPerStore", "20"));

    public async ValueTask DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
    }
}
