namespace TrayBridge.TrayConnector.Tray;

/// <summary>The host half of a registration's key, (API host, Tray store id): the lower-case host of the API address the
/// merchant typed, as <see cref="ApiAddressPolicy.Normalize"/> kept it, with its port when not the scheme's default (only
/// the simulator has one: Tray serves 443). Never the <c>api_host</c> Tray answers: a fake host could answer the real
/// store's, and spend its budget.</summary>
public static class StoreHost
{
    public static string Of(string apiAddress)
    {
        var uri = new Uri(apiAddress);
        var host = uri.IdnHost.ToLowerInvariant();
        return uri.IsDefaultPort ? host : $"{host}:{uri.Port}";
    }
}
