using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace TrayBridge.TraySimulator.Stores;

/// <summary>A partner app: the keys Tray's partnerships team e-mails (tray-api.md §2.1) and the app code webhooks carry.</summary>
public sealed record App(string ConsumerKey, string ConsumerSecret, string AppCode);

public sealed class AppRegistry
{
    private readonly ConcurrentDictionary<string, App> _apps = new();
    private int _lastCode = 717;

    public App Create(string? consumerKey, string? consumerSecret)
    {
        var app = new App(
            consumerKey ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            consumerSecret ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            Interlocked.Increment(ref _lastCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Registering the same keys again (a rerun of a setup script) gives back the app already there.
        var stored = _apps.GetOrAdd(app.ConsumerKey, app);
        return stored == app || consumerSecret is null || stored.ConsumerSecret == consumerSecret
            ? stored : throw new InvalidOperationException("That consumer key is taken by an app with another secret.");
    }

    public App? Find(string? consumerKey) => consumerKey is null ? null : _apps.GetValueOrDefault(consumerKey);

    public App? First => _apps.Values.MinBy(a => a.AppCode);
}
