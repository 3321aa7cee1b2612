using ScottPlot;

namespace TrayBridge.Bench;

/// <summary>The run's two pictures (ScottPlot, PNG, under <c>artifacts/bench/</c>): how a stock change's latency is spread,
/// unthrottled and at Tray's budget, and how much of its budget each store achieved.</summary>
public static class Charts
{
    public static string LatencyDistribution(string folder, IReadOnlyDictionary<string, IReadOnlyList<double>> latenciesMs)
    {
        var plot = new Plot();
        plot.Title("Alteração de estoque → Tray: distribuição da latência");
        plot.XLabel("percentil");
        plot.YLabel("latência (ms)");
        foreach (var (label, values) in latenciesMs.Where(l => l.Value.Count > 0))
        {
            // The empirical distribution: each sorted sample at its percentile rank.
            var sorted = values.Order().ToArray();
            var ranks = sorted.Select((_, i) => 100.0 * (i + 1) / sorted.Length).ToArray();
            var line = plot.Add.Scatter(ranks, sorted);
            line.LegendText = $"{label} (n={sorted.Length})";
        }
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, folder, "stock-latency.png");
    }

    public static string BudgetUse(string folder, IReadOnlyList<(string Store, double Share)> stores)
    {
        var plot = new Plot();
        plot.Title("Uso do orçamento da Tray por loja (alcançado ÷ permitido)");
        plot.YLabel("% do orçamento");
        plot.XLabel("loja");
        var bars = plot.Add.Bars(stores.Select(s => 100 * s.Share).ToArray());
        bars.Color = Colors.SteelBlue;
        // Numbered 1…n (store ids are too long for 20 ticks side by side); results.json names each.
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, stores.Count).Select(i => (double)i)], [.. Enumerable.Range(1, stores.Count).Select(i => i.ToString())]);
        plot.Axes.SetLimitsY(0, 110);
        return Save(plot, folder, "budget-use.png");
    }

    // Skia's dependency-free native build has no fontconfig, so it finds no system font and draws no text: the font is
    // given by file (Debian's fonts-dejavu-core, which build.ps1 installs with the tests' other packages).
    private const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static readonly Lazy<string?> Font = new(() =>
    {
        if (!File.Exists(FontFile)) return null;
        Fonts.AddFontFile("DejaVu Sans", FontFile);
        return "DejaVu Sans";
    });

    private static string Save(Plot plot, string folder, string name)
    {
        if (Font.Value is { } font) plot.Font.Set(font);
        var path = Path.Combine(folder, name);
        plot.SavePng(path, 1000, 600);
        return path;
    }
}
