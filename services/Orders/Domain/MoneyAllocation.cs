namespace TrayBridge.Orders.Domain;

/// <summary>Splits an order-level amount (discount, freight, other charges) over its items in proportion to their
/// values, in whole cents, so the NF-e's per-item <c>vDesc</c>/<c>vFrete</c>/<c>vOutro</c> add up to the note's totals
/// exactly — SEFAZ rejects a note whose items miss the total by one cent.</summary>
public static class MoneyAllocation
{
    /// <summary>
    /// Largest remainder: each item first gets the cents its share rounds down to; the cents still missing go one each
    /// to the items whose shares lost the largest fractions, ties to the later item. The last item then takes the
    /// residual (amount − the others), as the spec asks ("each prorated over the items by largest remainder, the last
    /// item taking the residual"); after largest remainder that residual is its own share, except when every weight is
    /// zero, where the whole amount falls to the last item.
    /// </summary>
    /// <param name="amount">Rounded to cents first (half away from zero); a negative amount splits like its absolute
    /// value, every share negative.</param>
    /// <param name="weights">The items' values, none negative, at least one.</param>
    public static decimal[] Prorate(decimal amount, IReadOnlyList<decimal> weights)
    {
        if (weights.Count == 0) throw new ArgumentException("There is nothing to prorate over.", nameof(weights));
        if (weights.Any(w => w < 0)) throw new ArgumentException("Weights cannot be negative.", nameof(weights));

        var cents = Math.Round(Math.Abs(amount) * 100, MidpointRounding.AwayFromZero);
        var total = weights.Sum();
        var shares = new decimal[weights.Count];
        if (total > 0)
        {
            var remainders = new decimal[weights.Count];
            for (var i = 0; i < shares.Length; i++)
            {
                var exact = cents * weights[i] / total;
                shares[i] = Math.Floor(exact);
                remainders[i] = exact - shares[i];
            }
            var missing = (int)(cents - shares.Sum());
            var byRemainder = Enumerable.Range(0, shares.Length).OrderByDescending(i => remainders[i]).ThenByDescending(i => i);
            foreach (var i in byRemainder.Take(missing)) shares[i]++;
        }
        shares[^1] = cents - shares[..^1].Sum();

        var sign = amount < 0 ? -1 : 1;
        return [.. shares.Select(share => sign * share / 100m)];
    }
}
