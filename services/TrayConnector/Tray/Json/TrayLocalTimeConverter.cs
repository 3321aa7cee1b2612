using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.TrayConnector.Tray.Json;

/// <summary>Tray's timestamps (<c>"2021-03-02 14:58:21"</c>, <c>"2021-03-02"</c>) carry no offset: they are São Paulo
/// local time (tray-api.md §1.4). Zero dates and <c>""</c> mean none.</summary>
public sealed class TrayLocalTimeConverter : JsonConverter<DateTimeOffset?>
{
    public static readonly TimeZoneInfo SaoPaulo = BrazilTime.SaoPaulo;
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var text = reader.GetString()?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith("0000-00-00", StringComparison.Ordinal)) return null;
        if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture); // an ISO value with its own offset
        return FromSaoPaulo(local);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } instant) writer.WriteStringValue(ToSaoPaulo(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        else writer.WriteNullValue();
    }

    public static DateTimeOffset FromSaoPaulo(DateTime local) => BrazilTime.FromSaoPaulo(local);

    public static DateTime ToSaoPaulo(DateTimeOffset instant) => BrazilTime.ToSaoPaulo(instant);
}
