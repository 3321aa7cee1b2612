using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrayBridge.TrayConnector.Tray.Json;

/// <summary>Tray flags: <c>"1"</c>/<c>"0"</c>, sometimes <c>""</c> (unset), sometimes real booleans or numbers.</summary>
public sealed class TrayNullableBooleanConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetDecimal() != 0,
        JsonTokenType.String => reader.GetString()?.Trim().ToLowerInvariant() switch
        {
            "" or null => null,
            "1" or "true" or "s" or "sim" => true,
            "0" or "false" or "n" or "nao" or "não" => false,
            var other => throw new JsonException($"'{other}' is not a Tray flag."),
        },
        _ => throw new JsonException($"Expected a flag, got {reader.TokenType}."),
    };

    /// <summary>Written as Tray writes them: <c>"1"</c> or <c>"0"</c>.</summary>
    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag) writer.WriteStringValue(flag ? "1" : "0");
        else writer.WriteNullValue();
    }
}

/// <summary>A non-nullable flag: unset reads as false.</summary>
public sealed class TrayBooleanConverter : JsonConverter<bool>
{
    private static readonly TrayNullableBooleanConverter Inner = new();

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Inner.Read(ref reader, typeof(bool?), options) ?? false;

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => Inner.Write(writer, value, options);
}
