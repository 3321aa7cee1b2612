namespace TrayBridge.Catalog.Extensions;

/// <summary><c>Catalog:PublicBaseUrl</c>: the gateway's address as Tray reaches it. Picture URLs sent to Tray are
/// absolute under it, since Tray downloads them from outside.</summary>
public sealed record CatalogSettings(string PublicBaseUrl)
{
    public static CatalogSettings From(IConfiguration configuration)
    {
        var value = configuration["Catalog:PublicBaseUrl"];
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Catalog:PublicBaseUrl must be an absolute http(s) URL (now: '{value}').");
        return new(uri.ToString().TrimEnd('/'));
    }
}
