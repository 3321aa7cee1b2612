using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>Tray's error body <c>{code, url, name, error_code, causes}</c> (tray-api.md §2.6, §8.2); a validation refusal
/// (400/422) also carries the <c>errors</c> map, field → messages, that Tray's PHP client reads (§8.2).</summary>
public static partial class TrayError
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
        if (status is 400 or 422 && FieldErrors([cause]) is { } errors) body["errors"] = errors;
        return body;
    }

    /// <summary>The <c>errors</c> map of a validation refusal: every cause about a field ("O campo ean é inválido") under that
    /// field, as a list of messages; null when no cause names a field. The simulator words its validation causes that way, so
    /// the map follows from them wherever a resource refuses a body.</summary>
    public static JsonObject? FieldErrors(IEnumerable<string> causes)
    {
        var errors = new JsonObject();
        foreach (var cause in causes)
            if (FieldCause().Match(cause) is { Success: true } match)
            {
                if (errors[match.Groups[1].Value] is not JsonArray messages) errors[match.Groups[1].Value] = messages = [];
                messages.Add(cause);
            }
        return errors.Count > 0 ? errors : null;
    }

    [GeneratedRegex(@"^O campo ([a-z_0-9]+) ")]
    private static partial Regex FieldCause();
}
