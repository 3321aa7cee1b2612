using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrayBridge.TraySimulator.Settings;

/// <summary>The settings in force; replaced whole, so a request always sees one consistent set.</summary>
public sealed class SettingsHolder(SimulatorSettings initial)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private SimulatorSettings _current = initial;

    public SimulatorSettings Current => Volatile.Read(ref _current);

    public void Update(Func<SimulatorSettings, SimulatorSettings> change)
    {
        SimulatorSettings seen, next;
        do { seen = Current; next = change(seen); }
        while (Interlocked.CompareExchange(ref _current, next, seen) != seen);
    }

    /// <summary>Applies only the members present in <paramref name="patch"/> (admin PUT with a partial body).</summary>
    public SimulatorSettings Patch(JsonObject patch)
    {
        Update(current =>
        {
            var merged = JsonSerializer.SerializeToNode(current, Json)!.AsObject();
            foreach (var (name, value) in patch)
            {
                var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                          ?? throw new ArgumentException($"Unknown setting '{name}'.");
                merged[key] = value?.DeepClone();
            }
            return merged.Deserialize<SimulatorSettings>(Json)!;
        });
        return Current;
    }

    public static JsonNode ToJson(SimulatorSettings settings) => JsonSerializer.SerializeToNode(settings, Json)!;
}
