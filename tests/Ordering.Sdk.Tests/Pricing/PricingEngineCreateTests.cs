using Ordering.Sdk.Pricing;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class PricingEngineCreateTests
{
    [Fact]
    public void Create_InvalidPolicy_ListsEveryProblemWithItsPath()
    {
        var policy = new PricingPolicy
        {
            Promotions =
            [
                new PromotionDefinition { Id = "p", Name = new("甲", "A"), Kind = PromotionKind.ItemPercent, PercentOff = 12000 },
                new PromotionDefinition { Id = "p", Name = new("乙", "B"), Kind = PromotionKind.Gift, GiftSkuId = "ghost", BuyQuantity = 1 },
                new PromotionDefinition { Id = "t", Name = new("丙", "C"), Kind = PromotionKind.SpendTiers, Tiers = [new SpendTier { Threshold = 100, AmountOff = 500 }] },
                new PromotionDefinition { Id = "c", Name = new("丁", "D"), Kind = PromotionKind.AmountOff, AmountOff = 100, CategoryIds = ["nope"] },
            ],
            Coupons = [new CouponDefinition { Code = "X", Name = new("券", "Coupon"), AmountOff = 100, PercentOff = 100 }],
            Fees = [new FeeDefinition { Id = "sc", Name = new("服务费", "Service"), Kind = FeeKind.ServiceCharge }],
            DefaultTaxRateId = "vat",
            MaxBestDealCandidates = 40,
        };

        var ex = Assert.Throws<OptionsValidationException>(() => Engine(policy));

        Assert.Equal(nameof(PricingPolicy), ex.OptionsName);
        string[] expected =
        [
            "promotions[0].percentOff:", "promotions[1].id: 'p'", "promotions[1].giftSkuId:", "promotions[2].tiers[0]:",
            "promotions[3].categoryIds: 'nope'", "coupons[0]: give exactly one", "fees[0].percentBasisPoints:", "defaultTaxRateId:", "maxBestDealCandidates:",
        ];
        foreach (var prefix in expected)
        {
            Assert.Contains(ex.Failures, f => f.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Create_InvalidOptions_Throws()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => PricingEngine.Create(PricingKit.Catalog, new PricingPolicy(), new PricingEngineOptions { MaxLines = 0, TimeProvider = null! }));

        Assert.Equal(2, ex.Failures.Count);
    }

    [Fact]
    public void Price_TooManyLines_IsAnError()
    {
        var engine = PricingEngine.Create(PricingKit.Catalog, new PricingPolicy(), new PricingEngineOptions { MaxLines = 2 });

        Assert.Equal(PricingErrorCode.TooManyLines, Assert.Single(engine.Fail(Order(Line("rice"), Line("rice"), Line("rice"))).Errors).Code);
    }

    [Fact]
    public void Price_ResultIsReusedAcrossSuccessAndFailure()
    {
        var engine = Engine();
        var result = new PricingResult();

        Assert.False(engine.Price(Order(Line("ghost")), result));
        Assert.True(engine.Price(Order(Line("rice", 2)), result));

        Assert.Empty(result.Errors);
        Assert.Equal(400, result.Totals.AmountDue);
        Assert.Equal(1, result.Lines.Length);
    }

    [Fact]
    public void Price_NullArguments_Throw()
    {
        var engine = Engine();

        Assert.Throws<ArgumentNullException>(() => engine.Price(null!, new PricingResult()));
        Assert.Throws<ArgumentNullException>(() => engine.Price(Order(Line("rice")), null!));
    }
}
