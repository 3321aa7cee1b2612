using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.SefazSimulator.Settings;

/// <summary>The settings in force; replaced whole, so a request always sees one consistent set.</summary>
public sealed class SettingsHolder(SefazSettings initial)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private SefazSettings _current = initial;

    public SefazSettings Current => Volatile.Read(ref _current);

    public void Update(Func<SefazSettings, SefazSettings> change)
    {
        SefazSettings seen, next;
        do { seen = Current; next = Validated(change(seen)); }
        while (Interlocked.CompareExchange(ref _current, next, seen) != seen);
    }

    /// <summary><paramref name="current"/> with only the members present in <paramref name="patch"/> changed (admin PUT with a partial body).</summary>
    public static SefazSettings Merge(SefazSettings current, JsonObject patch)
    {
        var merged = JsonSerializer.SerializeToNode(current, Json)!.AsObject();
        foreach (var (name, value) in patch)
        {
            var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                      ?? throw new ArgumentException($"Unknown setting '{name}'.");
            merged[key] = value?.DeepClone();
        }
        return merged.Deserialize<SefazSettings>(Json)!;
    }

    public static JsonNode ToJson(SefazSettings settings) => JsonSerializer.SerializeToNode(settings, Json)!;

    private static SefazSettings Validated(SefazSettings s)
    {
        if (s.TpAmb is not (1 or 2)) throw new ArgumentException("tpAmb is 1 (produção) or 2 (homologação).");
        if (s.ReceiptDelay < TimeSpan.Zero) throw new ArgumentException("receiptDelay cannot be negative.");
        if (s.SchemaPackage.Contains('/') || s.SchemaPackage.Contains('\\') || s.SchemaPackage.Contains(".."))
            throw new ArgumentException("schemaPackage is a folder name such as PL_009_V4.");
        return s;
    }
}
