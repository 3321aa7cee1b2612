using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>Write envelopes: string <c>id</c>, numeric <c>code</c> (tray-api.md §1.4).</summary>
public static class TrayWrite
{
    public static IResult Created(long id) => Envelope("Created", id, 201);

    public static IResult Saved(long id) => Envelope("Saved", id, 200);

    public static IResult Deleted(long id) => Envelope("Deleted", id, 200);

    /// <summary>What <c>includeProduct</c> (201) and <c>excludeProduct</c> (200) answer, with the order's id.</summary>
    public static IResult Success(long id, int code) => Envelope("Success", id, code);

    private static IResult Envelope(string message, long id, int code) =>
        Results.Json(new JsonObject { ["message"] = message, ["id"] = TrayValues.Id(id), ["code"] = code }, statusCode: code);

    /// <summary>The store's <c>api_address</c> as the caller reaches this simulator.</summary>
    public static string ApiAddress(HttpRequest request, string storeId) => $"{request.Scheme}://{request.Host}/{storeId}/web_api";
}
