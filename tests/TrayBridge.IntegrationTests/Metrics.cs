using System.Globalization;
using System.Text.RegularExpressions;
using TrayBridge.TestSupport;

namespace TrayBridge.IntegrationTests;

/// <summary>A host's Prometheus scrape (<c>/metrics</c> on its own port), read as an operator's Prometheus would.</summary>
public sealed partial class Metrics
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _series = [];

    public string Text { get; private init; } = "";

    public static async Task<Metrics> ScrapeAsync(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync("metrics", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{host.Name} /metrics: {(int)response.StatusCode} {text}");
        var metrics = new Metrics { Text = text };
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || SeriesLine().Match(line.Trim()) is not { Success: true } m) continue;
            var labels = Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
            metrics._series.Add((m.Groups["name"].Value, labels, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
        return metrics;
    }

    public bool Has(string name) => _series.Any(s => s.Name == name);

    /// <summary>The sum of the series of <paramref name="name"/> whose labels include these (0 when none: a counter appears
    /// with its first increment).</summary>
    public double Value(string name, params (string Label, string Value)[] labels) =>
        _series.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Label) == l.Value)).Sum(s => s.Value);

    /// <summary>Sum over the series whose label <paramref name="label"/> matches.</summary>
    public double Value(string name, string label, Func<string, bool> match) =>
        _series.Where(s => s.Name == name && s.Labels.TryGetValue(label, out var v) && match(v)).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>[^\s]+)")]
    private static partial Regex SeriesLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
