using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class ApportionerTests
{
    [Theory]
    [InlineData(700, new long[] { 1990, 2990, 990 }, new long[] { 233, 351, 116 })] // reference §2.4 worked example
    [InlineData(100, new long[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(5, new long[] { 7, 7 }, new long[] { 3, 2 })]
    [InlineData(-56, new long[] { 5000, 2856, 5000 }, new long[] { -22, -12, -22 })]
    [InlineData(3, new long[] { 0, 0, 0 }, new long[] { 1, 1, 1 })]
    [InlineData(10, new long[] { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }, new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0 })]
    [InlineData(6, new long[] { 1, 3, 1, 3, 1, 3, 1, 3 }, new long[] { 1, 1, 1, 1, 0, 1, 0, 1 })]
    public void Apportion_WorkedExamples_MatchLargestRemainder(long amount, long[] weights, long[] expected)
    {
        var shares = Apportion(amount, weights);

        Assert.Equal(expected, shares);
    }

    [Property(MaxTest = 500)]
    public Property Apportion_AnyWeights_SharesSumExactlyAndStayWithinWeights(NonNegativeInt[] rawWeights, NonNegativeInt rawAmount)
    {
        var weights = rawWeights.Select(w => (long)w.Get).Take(40).ToArray();
        var total = weights.Sum();
        var amount = total == 0 ? 0 : rawAmount.Get % (total + 1); // a discount never exceeds its base
        var shares = Apportion(amount, weights);

        var exact = shares.Sum() == amount;
        var bounded = shares.Zip(weights).All(p => p.First >= 0 && p.First <= p.Second);
        var fair = shares.Zip(weights).All(p => Math.Abs((decimal)p.First - (total == 0 ? 0 : (decimal)amount * p.Second / total)) < 1);
        return (exact && bounded && fair).Label($"shares {string.Join(",", shares)}");
    }

    [Property(MaxTest = 500)]
    public bool Apportion_AnyWeights_MatchesTheTextbookRule(PositiveInt[] rawWeights, NonNegativeInt rawAmount)
    {
        var weights = rawWeights.Select(w => (long)(w.Get % 50)).Take(40).ToArray();
        var total = weights.Sum();
        var amount = total == 0 ? 0 : rawAmount.Get % (total + 1);

        return Apportion(amount, weights).SequenceEqual(Textbook(amount, weights));
    }

    // Up to 150 lines of real-sized amounts: exercises both ways of picking the lines that get a leftover unit
    // (a bounded insertion list for a few winners or losers, a full sort of packed keys for many of both).
    [Property(MaxTest = 300)]
    public bool Apportion_ManyLinesRealAmounts_MatchesTheTextbookRule(PositiveInt[] rawWeights, NonNegativeInt rawAmount, bool negative, PositiveInt repeat)
    {
        var weights = Enumerable.Repeat(rawWeights, (repeat.Get % 8) + 1).SelectMany(w => w).Select((w, i) => (long)w.Get * (i + 271) % 30_000).Take(150).ToArray();
        var total = weights.Sum();
        var amount = total == 0 ? 0 : (long)rawAmount.Get * 7_919 % (total + 1); // FsCheck's ints are small; spread them
        var sign = negative ? -1 : 1;

        return Apportion(sign * amount, weights).SequenceEqual(Textbook(amount, weights).Select(s => sign * s));
    }

    // At the edge of the fast path (amount and total just below 2^31) the reciprocal division must stay exact.
    [Theory]
    [InlineData(int.MaxValue, new long[] { int.MaxValue - 5, 3, 2 })]
    [InlineData(int.MaxValue - 1, new long[] { 1_000_000_007, 999_999_937, 147_483_640 })]
    [InlineData(2_000_000_000, new long[] { 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(1_234_567_891, new long[] { 2_147_483_646 })]
    public void Apportion_LargestFastPathAmounts_MatchTheTextbookRule(long amount, long[] weights)
    {
        Assert.Equal(Textbook(amount, weights), Apportion(amount, weights));
        Assert.Equal(Textbook(amount, weights).Select(s => -s), Apportion(-amount, weights));
    }

    // Floors, then one unit each to the largest remainders; ties: larger weight, then earlier line.
    private static long[] Textbook(long amount, long[] weights)
    {
        var total = weights.Sum();
        if (weights.Length == 0)
        {
            return [];
        }

        if (total == 0)
        {
            return Textbook(amount, weights.Select(_ => 1L).ToArray());
        }

        var shares = weights.Select(w => amount * w / total).ToArray();
        var left = amount - shares.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => amount * weights[i] % total).ThenByDescending(i => weights[i]).ThenBy(i => i).Take((int)left))
        {
            shares[i]++;
        }

        return shares;
    }

    private static long[] Apportion(long amount, long[] weights)
    {
        var n = weights.Length;
        var shares = new long[n];
        Apportioner.Apportion(amount, (long[])weights.Clone(), shares, new long[n], new int[n], new long[n], n);
        return shares;
    }
}
