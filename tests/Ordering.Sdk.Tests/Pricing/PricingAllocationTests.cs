using Ordering.Sdk.Pricing;
using Ordering.Sdk.Testing;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class PricingAllocationTests
{
    // A 20-line order with modifiers and three promotions (item %, Nth item, 满减), plus a service charge,
    // tea fee, inclusive tax and 抹零; the member id also exercises member price resolution.
    internal static PricingRequest TwentyLines()
    {
        var request = SampleOrders.BusyTable(20);
        request.Context.MemberId = "m-1";
        return request;
    }

    internal static PricingPolicy ThreePromotions() => new()
    {
        Promotions =
        [
            new PromotionDefinition { Id = "hot-88", Name = new("热菜八八折", "Hot 12% off"), Kind = PromotionKind.ItemPercent, PercentOff = 1200, CategoryIds = ["hot"] },
            new PromotionDefinition { Id = "dumpling-half", Name = new("饺子第二份半价", "Dumplings 2nd half"), Kind = PromotionKind.NthItemPercent, NthItem = 2, PercentOff = 5000, ItemIds = ["dumpling"] },
            new PromotionDefinition
            {
                Id = "manjian",
                Name = new("满100减20", "20 off 100"),
                Kind = PromotionKind.SpendTiers,
                Tiers = [new SpendTier { Threshold = 10000, AmountOff = 2000 }, new SpendTier { Threshold = 50000, AmountOff = 12000 }],
            },
        ],
        Fees =
        [
            new FeeDefinition { Id = "sc", Name = new("服务费", "Service"), Kind = FeeKind.ServiceCharge, PercentBasisPoints = 1000 },
            new FeeDefinition { Id = "tea", Name = new("茶位费", "Tea"), Kind = FeeKind.PerGuest, Amount = 300 },
        ],
        TaxRates = [new TaxRateDefinition { Id = "vat6", Name = new("增值税6%", "VAT 6%"), BasisPoints = 600 }],
        DefaultTaxRateId = "vat6",
        CashRounding = new CashRounding { Unit = CashRoundingUnit.Jiao, Mode = CashRoundingMode.Floor },
    };

    [Fact]
    public void Price_TwentyLinesThreePromotions_AllocatesNothingAfterWarmUp()
    {
        var engine = Engine(ThreePromotions());
        var request = TwentyLines();
        var result = new PricingResult();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(engine.Price(request, result));
        }

        Assert.Equal(3, CountApplied(result));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            engine.Price(request, result);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(result.IsSuccess);
        result.AssertConsistent();
    }

    private static int CountApplied(PricingResult result)
    {
        var applied = 0;
        foreach (var evaluation in result.Promotions)
        {
            applied += evaluation.Outcome == PromotionOutcome.Applied ? 1 : 0;
        }

        return applied;
    }
}
