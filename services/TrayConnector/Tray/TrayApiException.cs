using System.Net;
using System.Text.Json;

namespace TrayBridge.TrayConnector.Tray;

/// <summary>Tray said no. Carries Tray's own words (<c>name</c>, <c>causes</c>, <c>error_code</c>, and the <c>errors</c> map of a
/// validation refusal as <see cref="FieldErrors"/>) and the path called — never the query string, which holds the access token.
/// <see cref="Causes"/> lists each field's reason first ("Peso (weight): …", <see cref="TrayFieldNames"/>), then Tray's other
/// causes, so every place that shows Tray's causes (an export's item, a registration's answer, an invoice delivery) shows them.</summary>
public sealed class TrayApiException(HttpStatusCode status, string path, int? errorCode, string name, IReadOnlyList<string> causes,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null)
    : Exception($"Tray answered {(int)status} on {path}: {name}{(causes.Count > 0 ? " — " + string.Join("; ", causes) : "")}")
{
    public HttpStatusCode Status { get; } = status;
    public string Path { get; } = path;
    public int? ErrorCode { get; } = errorCode;
    public string Name { get; } = name;
    public IReadOnlyList<string> Causes { get; } = causes;

    /// <summary>Tray's <c>errors</c> map: field → its messages (empty when Tray sent none).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Each field's reason as people read it ("Peso (weight): …").</summary>
    public IReadOnlyList<string> FieldReasons => [.. FieldErrors.SelectMany(f => f.Value.Select(m => TrayFieldNames.Reason(f.Key, m)))];

    /// <summary>What Tray refused, in short: the fields' reasons when it named fields, else its <c>name</c>.</summary>
    public string Summary => FieldErrors.Count > 0 ? string.Join("; ", FieldReasons) : Name;

    /// <summary>401 with 1000 (expired) or 1099 (unknown): a refresh may help, once.</summary>
    public bool TokenRejected => Status == HttpStatusCode.Unauthorized && ErrorCode is 1000 or 1099;

    /// <summary>401 with 1001/1002/1003: the store is blocked, inactive or cancelled; stop its work.</summary>
    public bool StoreUnavailable => Status == HttpStatusCode.Unauthorized && ErrorCode is 1001 or 1002 or 1003;

    /// <summary>Reads Tray's error body leniently (tray-api.md §8.2): <c>causes</c> may be strings or objects, fields may be missing.</summary>
    public static async Task<TrayApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        int? errorCode = null;
        var name = response.ReasonPhrase ?? response.StatusCode.ToString();
        var causes = new List<string>();
        var fields = new Dictionary<string, IReadOnlyList<string>>();
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error_code", out var code) && int.TryParse(code.ToString(), out var parsed)) errorCode = parsed;
                if (root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) name = n.GetString()!;
                else if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) name = m.GetString()!;
                if (root.TryGetProperty("causes", out var c)) causes.AddRange(Flatten(c));
                if (root.TryGetProperty("errors", out var e)) ReadFieldErrors(e, fields);
            }
        }
        catch (JsonException)
        {
            if (body.Length > 0) causes.Add(body.Length > 300 ? body[..300] : body);
        }
        // Each field's reason first; a plain cause that only repeats one of them is not shown twice.
        var reasons = fields.SelectMany(f => f.Value.Select(message => TrayFieldNames.Reason(f.Key, message))).ToList();
        var repeated = fields.Values.SelectMany(m => m).ToHashSet(StringComparer.Ordinal);
        return new TrayApiException(response.StatusCode, path, errorCode, name, [.. reasons, .. causes.Where(c => !repeated.Contains(c))], fields);
    }

    /// <summary>The <c>errors</c> member, read leniently (its exact shape is UNCONFIRMED, tray-api.md §8.2): field → a message, a
    /// list of messages, or a map of rule → message (CakePHP's validation shape); a nested resource map (<c>{"Product": {"ean": …}}</c>)
    /// is read through. An empty map may arrive as <c>[]</c>.</summary>
    private static void ReadFieldErrors(JsonElement errors, Dictionary<string, IReadOnlyList<string>> fields)
    {
        if (errors.ValueKind != JsonValueKind.Object) return;
        foreach (var field in errors.EnumerateObject())
        {
            var value = field.Value;
            if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any(p => p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
            {
                ReadFieldErrors(value, fields);
                continue;
            }
            var messages = (value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().SelectMany(rule => Flatten(rule.Value)) : Flatten(value))
                .Where(m => m.Length > 0).ToList();
            if (messages.Count > 0)
                fields[field.Name] = fields.TryGetValue(field.Name, out var earlier) ? [.. earlier, .. messages] : messages;
        }
    }

    private static IEnumerable<string> Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Flatten),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Flatten(p.Value).Select(v => $"{p.Name}: {v}")),
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Null => [],
        _ => [element.ToString()],
    };
}
