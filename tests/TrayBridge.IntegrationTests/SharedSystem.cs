using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>One running system for the test classes that only add data of their own (their own tenants and Tray stores)
/// and leave every host as they found it: each system costs seven host starts. A class that restarts a host (the crash
/// tests) joins when it brings it back with the same settings before it ends; one that moves Tray's clock only ahead by
/// hours joins too (access tokens then expire on Tray, which every store survives by the refresh it is built for).</summary>
[CollectionDefinition(nameof(SharedSystem))]
public sealed class SharedSystem : ICollectionFixture<SystemFixture>;

/// <summary>One system for the end-to-end flows (export, import, NF-e), which all need Tray's budget shortened on both sides
/// (60 calls a second, so hundreds of orders or products move in seconds) and the SEFAZ simulator; each has a tenant and
/// store of its own, so one start serves the three.</summary>
[CollectionDefinition(nameof(EndToEndSystem))]
public sealed class EndToEndSystem : ICollectionFixture<EndToEndFixture>;

public sealed class EndToEndFixture : SystemFixture
{
    protected override async Task<TrayBridgeSystem> StartAsync()
    {
        var system = await TrayBridgeSystem.StartAsync(TimeSpan.FromSeconds(1), 60, withSefaz: true);
        // Issue 15: another team's subscriber, bound before anything is published, hears the whole flow.
        await system.StartSampleSubscriberAsync();
        return system;
    }
}
