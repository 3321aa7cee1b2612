using TrayBridge.TraySimulator.Admin;
using TrayBridge.TraySimulator.Auth;
using TrayBridge.TraySimulator.Catalog;
using TrayBridge.TraySimulator.Gateway;
using TrayBridge.TraySimulator.Hosting;
using TrayBridge.TraySimulator.Sales;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;
using TrayBridge.TraySimulator.Tray;
using TrayBridge.TraySimulator.Webhooks;

namespace TrayBridge.TraySimulator.Extensions;

public static class SimulatorExtensions
{
    /// <summary>Everything the simulator needs; <paramref name="clock"/> is the system clock in a process, a test's fake one in-process.</summary>
    public static WebApplicationBuilder AddTraySimulator(this WebApplicationBuilder builder, TimeProvider clock,
        Action<SimulatorSettings>? configure = null)
    {
        var settings = builder.Configuration.GetSection(SimulatorSettings.Section).Get<SimulatorSettings>() ?? new SimulatorSettings();
        configure?.Invoke(settings);
        var services = builder.Services;
        services.AddSingleton(new SimulatorClock(clock));
        services.AddSingleton(new SettingsHolder(settings));
        services.AddSingleton<StoreRegistry>();
        services.AddSingleton<AppRegistry>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<OrderBook>();
        services.AddSingleton<OrderAdmin>();
        services.AddSingleton<SimulatorAdmin>();
        services.AddSingleton<PictureDownloader>();
        services.AddHostedService(sp => sp.GetRequiredService<PictureDownloader>());
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        // Pictures and webhook receivers are test servers or placeholders: give up quickly.
        services.AddHttpClient(nameof(PictureDownloader), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(nameof(WebhookDispatcher), c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddHealthChecks();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapTraySimulator(this WebApplication app)
    {
        app.UseMiddleware<PathNormalizer>();
        app.UseRouting();
        app.UseMiddleware<TrayGateway>();
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
        app.MapAdminApi();

        var api = app.MapGroup("/{storeId:long}/web_api");
        api.AddEndpointFilter<NumericIds>();
        api.MapAuth();
        api.MapProducts();
        api.MapVariants();
        api.MapCategoriesAndBrands();
        api.MapCustomers();
        api.MapOrders();
        api.MapOrderItems();
        api.MapOrderStatuses();
        api.MapInvoices();
        return app;
    }
}
