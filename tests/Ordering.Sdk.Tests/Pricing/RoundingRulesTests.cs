using Ordering.Sdk.Pricing;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class RoundingRulesTests
{
    [Theory]
    [InlineData(FenRounding.HalfUp, 23)] // 18.00 × 1.25% = 0.225 → 0.23
    [InlineData(FenRounding.HalfEven, 22)] // → 0.22 (banker's)
    [InlineData(FenRounding.Floor, 22)]
    public void Price_DiscountRounding_IsConfigurable(FenRounding rounding, long expected)
    {
        var policy = new PricingPolicy
        {
            Rounding = new RoundingRules { Discount = rounding },
            Promotions = [new PromotionDefinition { Id = "p", Name = new("折", "Off"), Kind = PromotionKind.ItemPercent, PercentOff = 125 }],
        };

        Assert.Equal(expected, Engine(policy).Price(Order(Line("dumpling", 6))).Totals.ItemDiscounts);
    }

    [Theory]
    [InlineData(FenRounding.HalfUp, 8525)] // 333 g × 128.00 / 500 g = 85.248 → 85.25
    [InlineData(FenRounding.Floor, 8524)]
    public void Price_WeighedRounding_IsConfigurable(FenRounding rounding, long expected)
    {
        var line = Line("crab");
        line.WeightGrams = 333;

        Assert.Equal(expected, Engine(new PricingPolicy { Rounding = new RoundingRules { WeighedAmount = rounding } }).Price(Order(line)).Totals.Subtotal);
    }

    [Theory]
    [InlineData(FenRounding.HalfUp, 63)] // 12.50 × 5% = 0.625
    [InlineData(FenRounding.HalfEven, 62)]
    [InlineData(FenRounding.Ceiling, 63)]
    public void Price_ServiceChargeRounding_IsConfigurable(FenRounding rounding, long expected)
    {
        var line = Line("kungpao", 1, "medium");
        line.PriceOverride = new ManualPriceOverride { UnitPrice = 1250, Reason = "r", OperatorId = "o" };
        var policy = new PricingPolicy
        {
            Rounding = new RoundingRules { ServiceCharge = rounding },
            Fees = [new FeeDefinition { Id = "sc", Name = new("服务费", "Service"), Kind = FeeKind.ServiceCharge, PercentBasisPoints = 500 }],
        };

        Assert.Equal(expected, Engine(policy).Price(Order(line)).Totals.Fees);
    }
}
