using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrayBridge.TrayConnector.Tray.Json;

/// <summary>Nullable numbers that Tray sends as <c>"12.50"</c>, <c>12.5</c>, or <c>""</c> (none). Written as JSON
/// numbers, so decimals keep the invariant culture's '.' whatever the host's culture.</summary>
public sealed class TrayNumberConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        Nullable.GetUnderlyingType(typeToConvert) is { } inner && (inner == typeof(decimal) || inner == typeof(long) || inner == typeof(int));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NullableNumberConverter<>).MakeGenericType(Nullable.GetUnderlyingType(typeToConvert)!))!;

    private sealed class NullableNumberConverter<T> : JsonConverter<T?> where T : struct, INumber<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => T.Parse(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonTokenType.String when reader.GetString() is { Length: > 0 } text => T.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonTokenType.String => null,
            _ => throw new JsonException($"Expected a number, got {reader.TokenType}."),
        };

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is { } number) writer.WriteRawValue(number.ToString(null, CultureInfo.InvariantCulture));
            else writer.WriteNullValue();
        }
    }
}
