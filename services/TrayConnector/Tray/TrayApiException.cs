using System.Net;
using System.Text.Json;

namespace TrayBridge.TrayConnector.Tray;

/// <summary>Tray said no. Carries Tray's own words (<c>name</c>, <c>causes</c>, <c>error_code</c>) and the path called —
/// never the query string, which holds the access token.</summary>
public sealed class TrayApiException(HttpStatusCode status, string path, int? errorCode, string name, IReadOnlyList<string> causes)
    : Exception($"Tray answered {(int)status} on {path}: {name}{(causes.Count > 0 ? " — " + string.Join("; ", causes) : "")}")
{
    public HttpStatusCode Status { get; } = status;
    public string Path { get; } = path;
    public int? ErrorCode { get; } = errorCode;
    public string Name { get; } = name;
    public IReadOnlyList<string> Causes { get; } = causes;

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
            }
        }
        catch (JsonException)
        {
            if (body.Length > 0) causes.Add(body.Length > 300 ? body[..300] : body);
        }
        return new TrayApiException(response.StatusCode, path, errorCode, name, causes);
    }

    private static IEnumerable<string> Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Flatten),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Flatten(p.Value).Select(v => $"{p.Name}: {v}")),
        JsonValueKind.String => [element.GetString()!],
        _ => [element.ToString()],
    };
}
