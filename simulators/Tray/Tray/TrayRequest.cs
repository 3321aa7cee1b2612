using System.Reflection;
using TrayBridge.TraySimulator.Auth;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>What the gateway established about a Tray API call: the store and, past /auth, the caller's grant.</summary>
public sealed record TrayRequest(Store Store, TokenGrant? Grant)
{
    /// <summary><c>HttpContext.Items</c> key of the path after <c>{storeId}/web_api</c>, as Tray echoes it in errors.</summary>
    public const string ResourcePathKey = "tray.resource-path";

    public static TrayRequest Of(HttpContext http) =>
        http.Items[typeof(TrayRequest)] as TrayRequest ?? throw new InvalidOperationException("Not a Tray API request.");

    // Lets endpoint handlers take a TrayRequest parameter.
    public static ValueTask<TrayRequest?> BindAsync(HttpContext http, ParameterInfo _) => ValueTask.FromResult<TrayRequest?>(Of(http));
}
