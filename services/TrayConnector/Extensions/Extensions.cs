using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.TrayConnector.Features.ProductSync;

namespace TrayBridge.TrayConnector.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("tray_connector", DaemonLockId: 41_004);

    public static WebApplicationBuilder AddTrayConnector(this WebApplicationBuilder builder) =>
        builder.AddServicePlatform("tray-connector", Store, configureBus: bus => bus.AddConsumer<ProductChangedConsumer>());

    public static WebApplication MapTrayConnectorApi(this WebApplication app)
    {
        app.MapProductSyncApi();
        return app;
    }
}
