using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Serialization;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

// Each property builds a seeded random order (1–30 lines) over the test menu and the rich policy; a failing
// seed is printed by FsCheck and replays the same order.
public sealed class PricingPropertyTests
{
    private static readonly PricingEngine RichEngine = Engine(RandomOrders.RichPolicy());

    [Property(MaxTest = 150)]
    public void Price_AnyOrder_SharesSumAndNothingIsNegative(int seed)
    {
        var random = new Random(seed);
        var request = RandomOrders.Create(random, random.Next(1, 31));
        request.Context.MemberId = random.Next(2) == 0 ? "m" : null;

        var result = RichEngine.Price(request);

        result.AssertConsistent(); // line shares sum to every adjustment and to the amount due; no negative line; discounts ≤ gross
    }

    [Property(MaxTest = 100)]
    public bool Price_AnyOrder_TotalDoesNotDependOnLineOrder(int seed)
    {
        var random = new Random(seed);
        var request = RandomOrders.Create(random, random.Next(1, 25));
        var shuffled = Order([.. request.Lines.OrderBy(_ => random.Next())]);
        shuffled.Context = request.Context;

        var a = RichEngine.Price(request).Totals;
        var b = RichEngine.Price(shuffled).Totals;

        return a.AmountDue == b.AmountDue && a.ItemDiscounts == b.ItemDiscounts && a.OrderDiscounts == b.OrderDiscounts
            && a.Fees == b.Fees && a.Tax == b.Tax && a.Rounding == b.Rounding;
    }

    [Property(MaxTest = 60)]
    public bool Price_RepricingFromASnapshot_IsIdempotent(int seed)
    {
        var random = new Random(seed);
        var request = RandomOrders.Create(random, random.Next(1, 20));
        request.Context.At = null; // priced at the engine's clock; the snapshot pins the instant
        var workspace = new PricingResult();
        Assert.True(RichEngine.Price(request, workspace));
        var first = workspace.ToSnapshot();

        request.Context.At = first.PricedAt;
        Assert.True(RichEngine.Price(request, workspace)); // same workspace, reused
        var again = workspace.ToSnapshot();
        var fresh = RichEngine.Price(request).ToSnapshot();

        var json = PricingJson.SerializeSnapshot(first);
        return json == PricingJson.SerializeSnapshot(again) && json == PricingJson.SerializeSnapshot(fresh);
    }

    [Property(MaxTest = 100)]
    public bool Refunds_EveryLineInRandomParts_SumToWhatWasPaid(int seed)
    {
        var random = new Random(seed);
        var snapshot = RichEngine.Price(RandomOrders.Create(random, random.Next(1, 20))).ToSnapshot();

        long refunded = 0;
        for (var i = 0; i < snapshot.Lines.Count; i++)
        {
            var line = snapshot.Lines[i];
            int units = 0;
            long amount = 0;
            while (units < line.Quantity)
            {
                var take = random.Next(1, line.Quantity - units + 1);
                var refund = snapshot.GetRefundableAmount(i, take, units, amount);
                if (refund < 0)
                {
                    return false;
                }

                units += take;
                amount += refund;
            }

            if (amount != line.Total)
            {
                return false;
            }

            refunded += amount;
        }

        return refunded == snapshot.AmountDue;
    }

    [Property(MaxTest = 100)]
    public bool Price_CashRounding_IsSmallerThanItsUnit(int seed, bool yuan, byte modeByte)
    {
        var unit = yuan ? CashRoundingUnit.Yuan : CashRoundingUnit.Jiao;
        var mode = (CashRoundingMode)(modeByte % 3);
        var random = new Random(seed);
        var result = Engine(RandomOrders.RichPolicy(unit, mode)).Price(RandomOrders.Create(random, random.Next(1, 15)));

        var rounding = result.Totals.Rounding;
        var signOk = mode switch
        {
            CashRoundingMode.Floor => rounding <= 0,
            CashRoundingMode.Ceiling => rounding >= 0,
            _ => true,
        };
        return Math.Abs(rounding) < (long)unit && signOk && result.Totals.AmountDue % (long)unit == 0;
    }

    [Property(MaxTest = 100)]
    public Property Price_EveryDiscount_NeverExceedsItsBase(int seed)
    {
        var random = new Random(seed);
        var result = RichEngine.Price(RandomOrders.Create(random, random.Next(1, 20)));

        var ok = true;
        foreach (var line in result.Lines)
        {
            ok &= line.ItemDiscount >= 0 && line.OrderDiscount >= 0 && line.ItemDiscount + line.OrderDiscount <= line.Gross;
        }

        foreach (var adjustment in result.Adjustments)
        {
            if (adjustment.Kind is AdjustmentKind.ItemPromotion or AdjustmentKind.OrderPromotion or AdjustmentKind.Coupon)
            {
                ok &= adjustment.Amount < 0 && -adjustment.Amount <= result.Totals.Subtotal;
            }
        }

        return ok.Label($"seed {seed}");
    }
}
