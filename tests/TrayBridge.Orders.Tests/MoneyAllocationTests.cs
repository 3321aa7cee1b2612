using TrayBridge.Orders.Domain;

namespace TrayBridge.Orders.Tests;

public sealed class MoneyAllocationTests
{
    [Fact]
    public void Proportional_shares_that_come_out_whole_are_kept() =>
        Assert.Equal([5.00m, 3.00m, 2.00m], MoneyAllocation.Prorate(10m, [50m, 30m, 20m]));

    [Fact]
    public void The_missing_cents_go_to_the_largest_fractions_not_just_to_the_last_item()
    {
        // 10 cents over 16/16/68: exact 1.6, 1.6, 6.8 → floors 1, 1, 6; the two missing cents go to .8 and then to the
        // later of the two .6 ties. Rounding each and giving the last the rest would make 2, 2, 6 instead.
        Assert.Equal([0.01m, 0.02m, 0.07m], MoneyAllocation.Prorate(0.10m, [16m, 16m, 68m]));
        Assert.Equal([0.02m, 0.05m, 0.03m], MoneyAllocation.Prorate(0.10m, [17m, 52m, 31m]));
    }

    [Fact]
    public void Equal_items_leave_the_odd_cents_to_the_last_ones()
    {
        Assert.Equal([3.33m, 3.33m, 3.34m], MoneyAllocation.Prorate(10m, [1m, 1m, 1m]));
        Assert.Equal([0m, 0m, 0.01m], MoneyAllocation.Prorate(0.01m, [7m, 7m, 7m]));
    }

    [Fact]
    public void Without_any_value_to_weigh_by_the_last_item_takes_it_all() =>
        Assert.Equal([0m, 0m, 12.34m], MoneyAllocation.Prorate(12.34m, [0m, 0m, 0m]));

    [Fact]
    public void Negative_zero_and_sub_cent_amounts()
    {
        Assert.Equal([-3.33m, -3.33m, -3.34m], MoneyAllocation.Prorate(-10m, [1m, 1m, 1m]));
        Assert.Equal([0m, 0m], MoneyAllocation.Prorate(0m, [1m, 2m]));
        Assert.Equal([0.01m], MoneyAllocation.Prorate(0.005m, [1m]));
    }

    [Fact]
    public void Nothing_to_prorate_over_or_a_negative_weight_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MoneyAllocation.Prorate(1m, []));
        Assert.Throws<ArgumentException>(() => MoneyAllocation.Prorate(1m, [1m, -1m]));
    }

    [Fact]
    public void Shares_always_add_up_to_the_cent_and_stay_within_a_cent_of_the_exact_share()
    {
        var random = new Random(20260101);
        for (var run = 0; run < 2_000; run++)
        {
            var amount = random.Next(0, 1_000_000) / 100m;
            var weights = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(0, 50_000) * random.Next(1, 4) / 100m).ToArray();
            var shares = MoneyAllocation.Prorate(amount, weights);

            Assert.Equal(amount, shares.Sum());
            Assert.All(shares, share => Assert.Equal(share, Math.Round(share, 2)));
            var total = weights.Sum();
            if (total == 0) continue;
            for (var i = 0; i < weights.Length; i++)
                Assert.True(Math.Abs(shares[i] - amount * weights[i] / total) < 0.01m, $"run {run}: share {i} is {shares[i]} of {amount}");
        }
    }
}
