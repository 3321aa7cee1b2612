using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>Issue 11, "known keys": a host given a signing key published in the repository (the old compose defaults)
/// or a key that is not 32 random bytes refuses to start, whatever its environment, and says which setting and why; so
/// does a host whose <c>Auth:Mode</c> is unknown, or lacks its settings (Authority, the default, without an authority).</summary>
public sealed class KnownKeyHostTests
{
    [Theory]
    [InlineData("gateway", "TrayBridge.Gateway", "dev-only-jwt-signing-key-never-use-in-production", "published in the TrayBridge repository")]
    [InlineData("services/Catalog", "TrayBridge.Catalog", "dev-only-jwt-signing-key-never-use-in-production", "published in the TrayBridge repository")]
    [InlineData("services/Orders", "TrayBridge.Orders", "a-long-but-readable-passphrase-of-more-than-32-chars", "32 random bytes")]
    public async Task A_host_given_a_published_or_weak_signing_key_exits_with_a_clear_message(string project, string assembly, string key, string reason)
    {
        var settings = new Dictionary<string, string>(new DevTokens().Settings)
        {
            ["Auth__SigningKey"] = key,
            // Production, as a copied development key would find it.
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Never reached: the key is checked while the host is configured, before it connects to anything.
            ["ConnectionStrings__postgres"] = "Host=127.0.0.1;Port=9;Database=none;Username=none",
            ["ConnectionStrings__rabbitmq"] = "amqp://guest:guest@127.0.0.1:9/",
        };
        await using var host = new HostProcess(project, project, assembly, settings);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(timeout: TimeSpan.FromSeconds(60)));

        Assert.Contains("exited while starting", refused.Message);
        Assert.Contains("Auth:SigningKey", refused.Message);
        Assert.Contains(reason, refused.Message);
        Assert.DoesNotContain(key, refused.Message); // the message names the setting, never the key
    }

    [Theory]
    [InlineData("gateway", "TrayBridge.Gateway", "Both", "'Auth:Mode' is 'Both'")]
    [InlineData("services/Invoicing", "TrayBridge.Invoicing", "sharedkey ", null)]
    // Not set in the environment: appsettings.json's Authority, the production default.
    [InlineData("gateway", "TrayBridge.Gateway", null, "'Auth:Mode' is Authority but 'Auth:Authority' (the identity provider's issuer URL) is missing")]
    [InlineData("services/Catalog", "TrayBridge.Catalog", "Authority", "'Auth:Mode' is Authority but 'Auth:Authority'")]
    public async Task A_host_with_an_unknown_mode_or_a_mode_without_its_settings_exits_with_a_clear_message(string project, string assembly,
        string? mode, string? reason)
    {
        // A shared key is given, valid: a host without a mode must not fall back to trusting it.
        var settings = new Dictionary<string, string>(new DevTokens().Settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__postgres"] = "Host=127.0.0.1;Port=9;Database=none;Username=none",
            ["ConnectionStrings__rabbitmq"] = "amqp://guest:guest@127.0.0.1:9/",
        };
        if (mode is null) settings.Remove("Auth__Mode"); else settings["Auth__Mode"] = mode;
        if (reason is null)
        {
            // Spelled loosely, the SharedKey mode is still understood, and without its key the host names the setting.
            settings.Remove("Auth__SigningKey");
            reason = "'Auth:SigningKey' is missing (Auth:Mode is SharedKey)";
        }
        await using var host = new HostProcess(project, project, assembly, settings);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(timeout: TimeSpan.FromSeconds(60)));

        Assert.Contains("exited while starting", refused.Message);
        Assert.Contains(reason, refused.Message);
    }
}
