using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrayBridge.TrayConnector.Tray.Json;

/// <summary>How Tray's JSON is read and written. Reading is tolerant — numbers and flags arrive as strings, <c>""</c>
/// and zero dates mean "none", empty maps arrive as <c>[]</c>, unknown fields are ignored — because the API is
/// inconsistent across resources and versions (tray-api.md §1.4).</summary>
public static class TrayJson
{
    public static readonly JsonSerializerOptions Options = Create();

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
