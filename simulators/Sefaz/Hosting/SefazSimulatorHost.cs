using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using TrayBridge.SefazSimulator.Admin;
using TrayBridge.SefazSimulator.Settings;

namespace TrayBridge.SefazSimulator.Hosting;

/// <summary>
/// The simulator in-process, on a real loopback port, for tests: the same builder as Program.cs with the test's clock.
/// With <c>serverCertificate</c> it listens on HTTPS and demands a client certificate (mutual TLS, as SEFAZ does).
/// </summary>
public sealed class SefazSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SefazSimulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Admin = app.Services.GetRequiredService<SimulatorAdmin>();
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public SimulatorAdmin Admin { get; }

    /// <summary>A service's URL, e.g. <c>{base}ws/NFeAutorizacao4/NFeAutorizacao4.asmx</c>.</summary>
    public Uri ServiceUrl(string service) => new(BaseAddress, $"ws/{service}/{service}.asmx");

    public static async Task<SefazSimulatorHost> StartAsync(TimeProvider clock, string url = "http://127.0.0.1:0",
        Action<SefazSettings>? configure = null, X509Certificate2? serverCertificate = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SefazSimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (serverCertificate is null) builder.WebHost.UseUrls(url);
        else
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serverCertificate, https =>
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.AllowAnyClientCertificate();
            })));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSefazSimulator(clock, configure);
        var app = builder.Build();
        app.MapSefazSimulator();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SefazSimulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
