using System.Net.Http.Headers;
using TrayBridge.SefazSimulator.Hosting;
using TrayBridge.TestSupport;

namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>The Invoicing host as a process over a database and vhost of its own, and the SEFAZ simulator in-process on
/// HTTPS, demanding a client certificate (mutual TLS), its server certificate a self-signed root the Invoicing host
/// trusts only through <c>Invoicing:SefazTrustAnchors</c>. The operator's <c>Invoicing:Sefaz:EndpointOverride</c> sends
/// every tenant's notes there, as production's table sends them to the UF's SEFAZ.</summary>
public sealed class InvoicingFixture : IAsyncLifetime
{
    private IsolatedInfrastructure? _infrastructure;
    private string? _skipReason;
    private readonly string _folder = Directory.CreateTempSubdirectory("traybridge-invoicing-").FullName;

    public DevTokens Tokens { get; } = new();
    public HostProcess Invoicing { get; private set; } = null!;
    public SefazSimulatorHost Sefaz { get; private set; } = null!;
    public FakeOrders Orders { get; private set; } = null!;

    public IsolatedInfrastructure Infrastructure
    {
        get
        {
            if (_skipReason is not null) Assert.Skip(_skipReason);
            return _infrastructure!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        _skipReason = await TestInfrastructure.UnavailableReasonAsync();
        if (_skipReason is not null) return;
        _infrastructure = await IsolatedInfrastructure.CreateAsync();
        var server = A1Certificates.TlsServer();
        Sefaz = await SefazSimulatorHost.StartAsync(TimeProvider.System, serverCertificate: server);
        var anchor = Path.Combine(_folder, "sefaz-root.cer");
        await File.WriteAllBytesAsync(anchor, server.RawData);
        var settings = new Dictionary<string, string>(Tokens.Settings)
        {
            ["ConnectionStrings__postgres"] = _infrastructure.PostgresConnectionString,
            ["ConnectionStrings__rabbitmq"] = _infrastructure.RabbitConnectionString,
            ["DueWork__PollInterval"] = "00:00:00.200",
            ["DataProtection__CertificatePath"] = Path.Combine(_folder, "data-protection.pfx"),
            ["DataProtection__CreateCertificateIfMissing"] = "true",
            // No Invoicing__SchemaFolder: the host validates with the schemas embedded in it, as in production.
            // A withheld SEFAZ answer (the simulator's timeoutShare) counts as unanswered quickly.
            ["Invoicing__SefazTimeout"] = "00:00:03",
            // Long enough for the fake to answer a chunk on a loaded machine; the Orders-down tests wait it out once each.
            ["Invoicing__OrdersTimeout"] = "00:00:05",
            ["Invoicing__SefazTrustAnchors__0"] = anchor,
            ["Invoicing__Sefaz__EndpointOverride"] = Sefaz.BaseAddress.ToString(),
            // Spans and ASP.NET Core's request lines, so the link tests can prove no anonymous link's token reaches either.
            ["Telemetry__SpanFile"] = SpanFile,
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        Invoicing = new HostProcess("invoicing", "services/Invoicing", "TrayBridge.Invoicing", settings, Path.Combine(_folder, "invoicing.log"));
        // The signed XML links point at the host itself (no gateway here); its port is chosen before it starts.
        settings["Invoicing__PublicBaseUrl"] = Invoicing.BaseAddress.ToString();
        Orders = await FakeOrders.StartAsync(_infrastructure.RabbitConnectionString);
        await Invoicing.StartAsync();
    }

    public string SpanFile => Path.Combine(_folder, "spans.jsonl");

    public string Spans => File.Exists(SpanFile) ? File.ReadAllText(SpanFile) : "";

    public string Log => File.Exists(Path.Combine(_folder, "invoicing.log")) ? File.ReadAllText(Path.Combine(_folder, "invoicing.log")) : "";

    public HttpClient Client(string? tenantId)
    {
        _ = Infrastructure;
        var client = new HttpClient { BaseAddress = Invoicing.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (tenantId is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(tenantId));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Invoicing is not null) await Invoicing.DisposeAsync();
        if (Orders is not null) await Orders.DisposeAsync();
        if (Sefaz is not null) await Sefaz.DisposeAsync();
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
