namespace TrayBridge.Bench;

/// <summary>What each unit of work costs of a store's Tray budget, read from the figures measured at the real budget:
/// calls per imported order (the first import the whole way from the store's connection, and the steady state), per
/// exported product (its own figure) and per invoice.</summary>
public static class Cost
{
    public static IReadOnlyList<BenchFigure> From(IReadOnlyList<BenchFigure> figures)
    {
        var import = figures.Single(f => f.Name == "order import (orders/min)").Details!;
        var steady = figures.Single(f => f.Name == "order import, steady (calls/order)");
        var invoice = figures.Single(f => f.Name == "NF-e batch (notes/min)").Details!;
        return
        [
            new BenchFigure("Tray calls per imported order, first import", import["trayCallsPerOrderWholeWay"], "calls/order",
                new Dictionary<string, double> { ["importOwn"] = import["trayCallsPerOrder"], ["orders"] = import["orders"] }),
            new BenchFigure("Tray calls per imported order, steady state", steady.Value, "calls/order", steady.Details),
            new BenchFigure("Tray calls per invoice", invoice["trayCallsPerInvoice"], "calls/invoice",
                new Dictionary<string, double> { ["invoices"] = invoice["authorized"] }),
        ];
    }
}
