namespace TrayBridge.SefazSimulator.Tests.Support;

/// <summary>One det: quantity × unit price, freight share, and whether it carries the ICMSUFDest (DIFAL) group.</summary>
public sealed record TestItem(decimal Quantity = 2m, decimal UnitPrice = 49.90m, decimal Freight = 10.00m, bool Difal = false,
    string Cfop = "5102")
{
    public decimal Product => decimal.Round(Quantity * UnitPrice, 2);
}
