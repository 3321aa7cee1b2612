using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>A validation refusal naming its field: Tray's error body (<c>{code, url, name, causes}</c>, tray-api.md §8.2) with
/// the <c>errors</c> map its 400/422 answers may carry besides (checked again 2026-12-06: field → messages).</summary>
public static class TrayFieldError
{
    public static IResult BadRequest(HttpContext http, string field, string message) => Results.Json(new JsonObject
    {
        ["code"] = 400,
        ["url"] = http.Items[TrayRequest.ResourcePathKey] is string resource ? "//" + resource : http.Request.Path.Value,
        ["name"] = "Bad Request",
        ["causes"] = new JsonArray(message),
        ["errors"] = new JsonObject { [field] = new JsonArray(message) },
    }, statusCode: 400);
}
