namespace TrayBridge.Invoicing.Tests;

/// <summary>Prorates an order-level amount over the items by their values in cents, largest remainder first, as the
/// Orders service does (MoneyAllocation) before an order reaches the builder.</summary>
public static class Proration
{
    public static decimal[] Of(decimal amount, IReadOnlyList<decimal> weights)
    {
        var cents = (long)(amount * 100);
        var total = weights.Sum();
        var exact = weights.Select(w => cents * w / total).ToArray();
        var shares = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var left = cents - shares.Sum();
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => exact[i] - shares[i]).Take((int)left)) shares[i]++;
        return [.. shares.Select(s => s / 100m)];
    }
}
