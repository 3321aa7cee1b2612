using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TrayBridge.TraySimulator.Admin;
using TrayBridge.TraySimulator.Extensions;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Hosting;

/// <summary>
/// The simulator in-process, on a real loopback port, for tests: the same builder as Program.cs, with the test's clock
/// (a FakeTimeProvider shared with the client under test). <see cref="Admin"/> offers the admin operations as C#.
/// </summary>
public sealed class TraySimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TraySimulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Admin = app.Services.GetRequiredService<SimulatorAdmin>();
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public SimulatorAdmin Admin { get; }

    public static async Task<TraySimulatorHost> StartAsync(TimeProvider clock, string url = "http://127.0.0.1:0",
        Action<SimulatorSettings>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TraySimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddTraySimulator(clock, configure);
        var app = builder.Build();
        app.MapTraySimulator();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TraySimulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A new app's credentials.</summary>
    public Stores.App CreateApp(string? consumerKey = null, string? consumerSecret = null) => Admin.CreateApp(consumerKey, consumerSecret);

    /// <summary>A new store reachable at this host, with its first authorization code.</summary>
    public CreatedStore CreateStore(string? storeId = null, bool corporate = false, int products = 0, int orders = 0) =>
        Admin.CreateStore(BaseAddress, storeId, corporate, products, orders);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
