using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrayBridge.TrayConnector.Tray.Json;

/// <summary>Tray sends an empty map as <c>[]</c> (<c>Properties: []</c>, <c>appliedFilters: []</c>): read it as an empty dictionary.</summary>
public sealed class EmptyArrayAsEmptyMapConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Dictionary<,>)
        && typeToConvert.GetGenericArguments()[0] == typeof(string);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(MapConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[1]))!;

    private sealed class MapConverter<TValue> : JsonConverter<Dictionary<string, TValue>>
    {
        public override Dictionary<string, TValue>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                reader.Skip();
                return [];
            }
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Expected a map, got {reader.TokenType}.");
            var map = new Dictionary<string, TValue>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                map[key] = JsonSerializer.Deserialize<TValue>(ref reader, options)!;
            }
            return map;
        }

        public override void Write(Utf8JsonWriter writer, Dictionary<string, TValue> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }
            writer.WriteEndObject();
        }
    }
}
