using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>Tray's string-typed scalars (tray-api.md §1.4), both ways: clients send strings or numbers, Tray answers strings.</summary>
public static class TrayValues
{
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "1" : "0";

    /// <summary>A member as text whatever JSON type it came as; null when absent or null.</summary>
    public static string? Text(this JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "1",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "0",
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public static decimal? Decimal(this JsonObject body, string name) =>
        decimal.TryParse(body.Text(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static long? Long(this JsonObject body, string name) =>
        long.TryParse(body.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool? Bool(this JsonObject body, string name) => body.Text(name) switch
    {
        "1" or "true" => true,
        "0" or "false" => false,
        _ => null,
    };

    /// <summary>An array member, or a single object given where a list was expected.</summary>
    public static IEnumerable<JsonObject> Objects(this JsonObject body, string name) => body[name] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => [],
    };

    /// <summary>Tray's polymorphic empty: an empty map comes back as <c>[]</c>.</summary>
    public static JsonNode MapOrEmpty(JsonObject map) => map.Count == 0 ? new JsonArray() : map;

    public static JsonArray Array(IEnumerable<JsonNode> items) => new(items.ToArray());

    public static JsonArray IdsOnly(IEnumerable<long> ids) => Array(ids.Select(id => (JsonNode)new JsonObject { ["id"] = Id(id) }));
}
