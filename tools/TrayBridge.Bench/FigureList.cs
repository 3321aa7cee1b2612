namespace TrayBridge.Bench;

/// <summary>The run's figures, each printed as soon as it is measured: a long run stopped halfway has still said what it
/// measured (the table and results.json come at the end).</summary>
public sealed class FigureList(TextWriter log) : List<BenchFigure>
{
    public new void Add(BenchFigure figure)
    {
        base.Add(figure);
        log.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] = {figure}");
    }

    public new void AddRange(IEnumerable<BenchFigure> figures)
    {
        foreach (var figure in figures) Add(figure);
    }
}
