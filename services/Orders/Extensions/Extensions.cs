using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Orders.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("orders", DaemonLockId: 41_002);

    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder) => builder.AddServicePlatform("orders", Store);
}
