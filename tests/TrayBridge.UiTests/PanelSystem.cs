using Microsoft.Playwright;
using TrayBridge.TestSupport;

[assembly: AssemblyFixture(typeof(TrayBridge.UiTests.PanelSystem))]

namespace TrayBridge.UiTests;

/// <summary>One whole system for every browser test (starting one takes most of a minute on two cores): the services,
/// the gateway, the panel, and the Tray, SEFAZ and identity simulators; and one Chromium. Each test works in tenants and
/// users of its own, so the tests never see each other's data.</summary>
public sealed class PanelSystem : IAsyncLifetime
{
    /// <summary>Debian's Chromium (build.ps1 installs the `chromium` package): Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public TrayBridgeSystem System { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The panel as a browser reaches it: through the gateway's catch-all route.</summary>
    public Uri PanelUrl => System.Gateway.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var message = $"{ChromiumPath} is missing: install Debian's chromium package (build.ps1 does, as root).";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(message);
            Assert.Skip(message);
        }
        // Access tokens live 75 s: the panel refreshes them a minute ahead, so every session longer than a quarter of a
        // minute (each test's) goes on only if the refresh works — a broken one shows as the API's 401s.
        System = await TrayBridgeSystem.StartAsync(withSefaz: true, withIdentity: true, withPanel: true,
            configure: system => system.SetIdentitySetting("Identity__AccessTokenLifetime", "00:01:15"));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root in a closed network: no sandbox, no GPU, no calls home (each would be refused, many at a time).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) the way a merchant in Brazil sees the panel: pt-BR, São Paulo time,
    /// a 1366×768 laptop screen (or <paramref name="viewport"/>).</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "pt-BR",
            TimezoneId = "America/Sao_Paulo",
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 768 },
            BaseURL = PanelUrl.ToString(),
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (System is not null) await System.DisposeAsync();
    }
}
