using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.Persistence;

namespace TrayBridge.Invoicing.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("invoicing", DaemonLockId: 41_003);

    public static WebApplicationBuilder AddInvoicing(this WebApplicationBuilder builder) => builder.AddServicePlatform("invoicing", Store);
}
