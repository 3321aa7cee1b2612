using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>Tray's error body <c>{code, url, name, error_code, causes}</c> (tray-api.md §2.6, §8.2).</summary>
public static class TrayError
{
    public const int InvalidToken = 1000;
    public const int StoreBlocked = 1001;
    public const int StoreInactive = 1002;
    public const int StoreCancelled = 1003;
    public const int Unknown = 1099;

    public static IResult Result(HttpContext http, int status, string name, string cause, int? errorCode = null) =>
        Results.Json(Body(http, status, name, cause, errorCode), statusCode: status);

    public static Task WriteAsync(HttpContext http, int status, string name, string cause, int? errorCode = null)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(Body(http, status, name, cause, errorCode));
    }

    public static IResult NotFound(HttpContext http, string what) => Result(http, 404, "Not Found", $"{what} não encontrado");

    public static IResult BadRequest(HttpContext http, string cause) => Result(http, 400, "Bad Request", cause);

    // Tray's sample shows "//orders" for /web_api/orders: the resource path behind two slashes.
    private static JsonObject Body(HttpContext http, int status, string name, string cause, int? errorCode)
    {
        var body = new JsonObject
        {
            ["code"] = status,
            ["url"] = http.Items[TrayRequest.ResourcePathKey] is string resource ? "//" + resource : http.Request.Path.Value,
            ["name"] = name,
        };
        if (errorCode is { } code) body["error_code"] = code;
        body["causes"] = new JsonArray(cause);
        return body;
    }
}
