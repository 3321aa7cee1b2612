using System.Text.RegularExpressions;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Gateway;

/// <summary>
/// Rewrites Tray API paths before routing: a trailing slash is optional (tray-api.md §1.1), and a doubled
/// <c>/web_api/web_api/</c> still works for reads but answers 404 to writes, as MCP observed.
/// </summary>
public sealed partial class PathNormalizer(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var match = TrayPath().Match(http.Request.Path.Value ?? "");
        if (!match.Success) return next(http);

        var resource = match.Groups["resource"].Value.Trim('/');
        http.Items[TrayRequest.ResourcePathKey] = resource;
        if (match.Groups["doubled"].Success && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            return TrayError.WriteAsync(http, 404, "Not Found", "Recurso não encontrado");

        http.Request.Path = $"/{match.Groups["store"].Value}/web_api" + (resource.Length > 0 ? "/" + resource : "");
        return next(http);
    }

    [GeneratedRegex(@"^/(?<store>\d+)/web_api(?<doubled>(/web_api)+)?(?<resource>/.*)?$")]
    private static partial Regex TrayPath();
}
