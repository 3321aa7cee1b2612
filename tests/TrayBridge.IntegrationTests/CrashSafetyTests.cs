using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>The publishing host is SIGKILLed inside the relay; after a restart the consumer shows exactly one effect.</summary>
[Collection(nameof(SharedSystem))]
public sealed class CrashSafetyTests(SystemFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Killed_after_the_commit_and_before_the_publish_the_event_is_published_after_restart()
    {
        var system = fixture.System;
        using var connector = system.Client(system.TrayConnector, "tenant-crash-1");
        await RestartCatalogAsync("before-publish");

        using (var catalog = system.Client(system.Catalog, "tenant-crash-1"))
        {
            var productId = await Api.CreateProductAsync(catalog, "CRASH-1");
            await system.Catalog.WaitForExitAsync(Patience);
            Assert.Equal(0, await Api.ChangesReceivedAsync(connector, productId));

            await RestartCatalogAsync(hook: null);

            Assert.Equal(1, await Api.WaitForChangesAsync(connector, productId, 1));
            await WaitForRelayToCatchUpAsync();
            Assert.Equal(1, await Api.ChangesReceivedAsync(connector, productId));
        }
    }

    [Fact]
    public async Task Killed_after_the_publish_and_before_the_checkpoint_the_copy_published_again_has_no_second_effect()
    {
        var system = fixture.System;
        using var connector = system.Client(system.TrayConnector, "tenant-crash-2");
        await RestartCatalogAsync("after-publish");

        using var catalog = system.Client(system.Catalog, "tenant-crash-2");
        var productId = await Api.CreateProductAsync(catalog, "CRASH-2");
        await system.Catalog.WaitForExitAsync(Patience);
        Assert.Equal(1, await Api.WaitForChangesAsync(connector, productId, 1));

        await RestartCatalogAsync(hook: null);
        await WaitForRelayToCatchUpAsync();

        // The relay published the event again (its checkpoint was lost) and the connector recognised the copy.
        await Eventually.ReturnsAsync(() => IgnoredCopiesAsync(system), copies => copies.Contains($"(product {productId} v", StringComparison.Ordinal),
            Patience, "the connector to see the copy");
        Assert.Equal(1, await Api.ChangesReceivedAsync(connector, productId));
    }

    private async Task RestartCatalogAsync(string? hook)
    {
        // On the shared system another class's events may still be on their way: the hook must stop the relay at this
        // test's event, not at one of theirs.
        if (hook is not null) await WaitForRelayToCatchUpAsync();
        await fixture.System.Catalog.KillAsync();
        await fixture.System.Catalog.StartAsync(hook is null ? null : new Dictionary<string, string> { ["TestHooks__KillRelayAt"] = hook });
    }

    /// <summary>The connector's "Ignored a copy" lines, from its whole log: on a busy run they scroll out of <see cref="HostProcess.OutputTail"/>
    /// before they are looked for. Shared for reading: the host still appends to it.</summary>
    private static async Task<string> IgnoredCopiesAsync(TrayBridgeSystem system)
    {
        await using var file = new FileStream(system.LogFile(system.TrayConnector.Name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        var copies = new List<string>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
            if (line.Contains("Ignored a copy of ProductChanged", StringComparison.Ordinal)) copies.Add(line);
        return string.Join('\n', copies);
    }

    private Task WaitForRelayToCatchUpAsync() =>
        Eventually.ReturnsAsync(() => Api.RelayLagAsync(fixture.System.Catalog), lag => lag == 0, Patience, "the catalog relay to catch up");
}
