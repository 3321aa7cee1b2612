using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using TrayBridge.TraySimulator.Settings;

namespace TrayBridge.TraySimulator.Tray;

/// <summary><see cref="SimulatorSettings.IdsAsNumbers"/>: rewrites an answer's identifiers (<c>id</c>, <c>…_id</c>) made of
/// digits into JSON numbers, on a copy, so a client is tested against both forms Tray's documentation allows without every
/// resource knowing about it.</summary>
public sealed class NumericIds(SettingsHolder settings) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (!settings.Current.IdsAsNumbers || result is not JsonHttpResult<JsonObject> { Value: { } body } json) return result;
        var copy = body.DeepClone();
        Rewrite(copy);
        return Results.Json(copy, statusCode: json.StatusCode);
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (name, value) in map.ToList())
                    if ((name == "id" || name.EndsWith("_id", StringComparison.Ordinal)) && AsNumber(value) is { } number) map[name] = number;
                    else Rewrite(value);
                break;
            case JsonArray list:
                foreach (var item in list) Rewrite(item);
                break;
        }
    }

    private static JsonNode? AsNumber(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 and <= 18 } text
        && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
            ? JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture))
            : null;
}
