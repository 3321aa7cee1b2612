using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrayBridge.TrayConnector.Tray.Json;

/// <summary>How Tray's JSON is read and written. Reading is tolerant — numbers and flags arrive as strings, <c>""</c>
/// and zero dates mean "none", empty maps arrive as <c>[]</c>, unknown fields are ignored — because the API is
/// inconsistent across resources and versions (tray-api.md §1.4).</summary>
public static class TrayJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>A write body wrapped in its resource's PascalCase key (<c>{"Product": {...}}</c>, tray-api.md §1.3); a
    /// dictionary, because the snake_case policy would rename a property.</summary>
    public static Dictionary<string, object> Envelope(string resource, object body) => new() { [resource] = body };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new TrayNumberConverterFactory());
        options.Converters.Add(new TrayBooleanConverter());
        options.Converters.Add(new TrayNullableBooleanConverter());
        options.Converters.Add(new TrayLocalTimeConverter());
        options.Converters.Add(new EmptyArrayAsEmptyMapConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
