using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrayBridge.TrayConnector.Tray.Json;

/// <summary>A Tray identifier (store, order, product, customer, category, status, variant, brand…) read as text whether Tray
/// sends it as a JSON string (its samples) or a number (its documentation types <c>store_id</c> as Number, tray-api.md §2.3):
/// System.Text.Json does not turn a number into a string by itself, and one such answer would fail a registration or every
/// refresh. Written back as a string, as Tray's samples show it.</summary>
public sealed class TrayIdConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString()?.Trim(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => throw new JsonException($"Expected an id (text or number), got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
