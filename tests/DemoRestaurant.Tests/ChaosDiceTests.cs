using DemoRestaurant.Chaos;
using FsCheck.Xunit;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Tests;

/// <summary>The chaos panel's seeded dice: a seed replays the same faults, and the configured rates are what gets injected.</summary>
public sealed class ChaosDiceTests
{
    private static readonly GatewayFault[] GatewayErrors = [GatewayFault.ServerError, GatewayFault.SystemError, GatewayFault.DropAfterProcessing];

    [Property(MaxTest = 50)]
    public bool NextFault_SameSeedAndSettings_SameSequence(int seed)
    {
        var first = Roll(new ChaosDice(Settings(drop: 0.2, errors: 0.2, wrongPassword: 0.3), seed));
        var second = Roll(new ChaosDice(Settings(drop: 0.2, errors: 0.2, wrongPassword: 0.3), seed));
        return first.SequenceEqual(second);
    }

    [Property(MaxTest = 50)]
    public bool NextFault_AllRatesZero_NeverInjects(int seed)
    {
        var dice = new ChaosDice(Settings(), seed);
        return Roll(dice).All(r => r is "None" or "False") && dice.Injected().Count == 0;
    }

    [Property(MaxTest = 50)]
    public bool NextFault_GatewayErrorRateOne_EveryRequestGetsAGatewayError(int seed)
    {
        var dice = new ChaosDice(Settings(errors: 1.0), seed);
        return Enumerable.Range(0, 50).All(_ => GatewayErrors.Contains(dice.NextFault(PaymentChannelId.WeChatPay)))
            && dice.Injected().Where(i => i.Key.StartsWith("WeChatPay:", StringComparison.Ordinal)).Sum(i => i.Value) == 50;
    }

    [Fact]
    public void NextFault_ThirtyPercentErrors_AboutThirtyPercentInjectedWithEveryKind()
    {
        var dice = new ChaosDice(Settings(errors: 0.3), seed: 8);
        var faults = Enumerable.Range(0, 10_000).Select(_ => dice.NextFault(PaymentChannelId.Alipay)).ToArray();

        var failed = faults.Count(f => f != GatewayFault.None);
        Assert.InRange(failed, 2_800, 3_200);
        Assert.All(GatewayErrors, kind => Assert.InRange(faults.Count(f => f == kind), 850, 1_150));
        Assert.Equal(failed, dice.Injected().Sum(i => i.Value));
    }

    [Fact]
    public void NextDrop_HalfTheRate_SplitBetweenBeforeAndAfterProcessing()
    {
        var dice = new ChaosDice(Settings(drop: 0.5, errors: 1.0), seed: 8);
        var drops = Enumerable.Range(0, 10_000).Select(_ => dice.NextDrop(PaymentChannelId.WeChatPay)).ToArray();

        // NextDrop plays only the network (Fake mode): the gateway-error rate does not apply to it.
        Assert.DoesNotContain(drops, d => d is GatewayFault.ServerError or GatewayFault.SystemError);
        Assert.InRange(drops.Count(d => d == GatewayFault.DropBeforeProcessing), 2_300, 2_700);
        Assert.InRange(drops.Count(d => d == GatewayFault.DropAfterProcessing), 2_300, 2_700);
    }

    private static ChaosSettings Settings(double drop = 0, double errors = 0, double wrongPassword = 0) =>
        new() { DropRate = drop, GatewayErrorRate = errors, WrongPasswordRate = wrongPassword };

    private static List<string> Roll(ChaosDice dice)
    {
        var rolls = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            rolls.Add(dice.NextFault(i % 2 == 0 ? PaymentChannelId.WeChatPay : PaymentChannelId.Alipay).ToString());
            rolls.Add(dice.NextWrongPassword(PaymentChannelId.WeChatPay).ToString());
        }

        return rolls;
    }
}
