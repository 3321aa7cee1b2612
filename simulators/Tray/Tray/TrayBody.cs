using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrayBridge.TraySimulator.Tray;

/// <summary>
/// Reads a write body in either encoding Tray takes (tray-api.md §1.3): JSON, or form fields with nested keys
/// (<c>Product[name]</c>, DEV21's <c>["Order"]["point_sale"]</c>, <c>Sku[0][type]</c>), both giving the same JSON tree.
/// </summary>
public static partial class TrayBody
{
    public static bool IsJson(HttpRequest request) => request.HasJsonContentType();

    public static async Task<JsonObject?> ReadAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var root = new JsonObject();
            foreach (var (key, value) in form) Put(root, KeyParts(key), value.ToString());
            return Arrayify(root) as JsonObject;
        }
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The object under the resource's wrapper key (<c>{"Product": {...}}</c>), or null.</summary>
    public static JsonObject? Unwrap(JsonObject? body, string wrapper) => body?[wrapper] as JsonObject;

    private static List<string> KeyParts(string key) =>
        KeyPart().Matches(key).Select(m => m.Groups["part"].Value.Trim('"', '\'')).Where(p => p.Length > 0).ToList();

    private static void Put(JsonObject node, List<string> parts, string value)
    {
        for (var i = 0; i < parts.Count - 1; i++)
        {
            if (node[parts[i]] is not JsonObject child) node[parts[i]] = child = new JsonObject();
            node = child;
        }
        node[parts[^1]] = value;
    }

    // Form keys index arrays by number; objects whose keys are all 0..n-1 become arrays.
    private static JsonNode? Arrayify(JsonNode? node)
    {
        if (node is not JsonObject obj) return node?.DeepClone();
        var children = obj.Select(p => (p.Key, Value: Arrayify(p.Value))).ToList();
        if (children.Count > 0 && children.Select((c, i) => c.Key == i.ToString()).All(b => b))
            return new JsonArray(children.Select(c => c.Value).ToArray());
        var result = new JsonObject();
        foreach (var (key, value) in children) result[key] = value;
        return result;
    }

    [GeneratedRegex(@"(?<part>[^\[\]]+)")]
    private static partial Regex KeyPart();
}
