using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Tests.Catalog;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class FeeAndTaxTests
{
    private static readonly ManualDiscount TwoYuanOff = new() { AmountOff = 200, Reason = "coupon", OperatorId = "c1" };

    [Theory]
    [InlineData(ServiceChargeBase.PreDiscount, 100, 900)] // Toast's example: 10.00 check, 2.00 off, 10% service charge
    [InlineData(ServiceChargeBase.PostDiscount, 80, 880)]
    public void Price_ServiceCharge_PreOrPostDiscountBase(ServiceChargeBase chargeBase, long fee, long due)
    {
        var policy = new PricingPolicy { Fees = [new FeeDefinition { Id = "sc", Name = new("服务费", "Service"), Kind = FeeKind.ServiceCharge, PercentBasisPoints = 1000, Base = chargeBase }] };
        var request = Order(Line("rice", 5));
        request.Context.ManualOrderDiscount = TwoYuanOff;

        var result = Engine(policy).Price(request);

        Assert.Equal((fee, due), (result.Totals.Fees, result.Totals.AmountDue));
        Assert.Equal(AdjustmentKind.ServiceCharge, result.Single(AdjustmentKind.ServiceCharge).Kind);
    }

    [Fact]
    public void Price_TeaFee_PerGuestOnDineInOnly()
    {
        var policy = new PricingPolicy { Fees = [new FeeDefinition { Id = "tea", Name = new("茶位费", "Tea"), Kind = FeeKind.PerGuest, Amount = 300, OrderTypes = [OrderType.DineIn] }] };
        var request = Order(Line("fish-l"), Kungpao());
        request.Context.GuestCount = 4;

        var dineIn = Engine(policy).Price(request);
        request.Context.OrderType = OrderType.Takeaway;
        var takeaway = Engine(policy).Price(request);

        Assert.Equal((1200L, 0L), (dineIn.Totals.Fees, takeaway.Totals.Fees));
        Assert.Equal([838L, 362L], [dineIn.Lines[0].Fees, dineIn.Lines[1].Fees]);
        dineIn.AssertConsistent();
    }

    [Fact]
    public void Price_Packaging_PerItemLandsOnItsLinesAndPerOrderIsApportioned()
    {
        var policy = new PricingPolicy
        {
            Fees =
            [
                new FeeDefinition { Id = "box", Name = new("餐盒费", "Box"), Kind = FeeKind.PackagingPerItem, Amount = 100, CategoryIds = ["hot"], OrderTypes = [OrderType.Takeaway] },
                new FeeDefinition { Id = "bag", Name = new("打包袋", "Bag"), Kind = FeeKind.PackagingPerOrder, Amount = 50, OrderTypes = [OrderType.Takeaway] },
            ],
        };
        var request = Order(Kungpao(2), Line("rice"));
        request.Context.OrderType = OrderType.Takeaway;

        var result = Engine(policy).Price(request);

        Assert.Equal(250, result.Totals.Fees);
        Assert.Equal(200, result.GetShares(result.Adjustments[0]).ToArray().Single().Amount);
        Assert.Equal(2, result.Adjustments.ToArray().Count(a => a.Kind == AdjustmentKind.PackagingFee));
        result.AssertConsistent();
    }

    [Theory]
    [InlineData("private-room", false, 37400)]
    [InlineData("private-room", true, 36200)] // the tea fee counts toward the minimum
    [InlineData("hall", false, 0)]
    public void Price_MinimumSpend_TopsUpInItsArea(string area, bool countFees, long expected)
    {
        var policy = new PricingPolicy
        {
            Fees =
            [
                new FeeDefinition { Id = "min", Name = new("包间低消", "Room minimum"), Kind = FeeKind.MinimumSpendTopUp, Amount = 50000, Areas = ["private-room"], CountFeesTowardMinimum = countFees },
                new FeeDefinition { Id = "tea", Name = new("茶位费", "Tea"), Kind = FeeKind.PerGuest, Amount = 300 },
            ],
        };
        var request = Order(Line("fish-l"), Kungpao());
        request.Context.Area = area;
        request.Context.GuestCount = 4;

        var result = Engine(policy).Price(request);

        var topUp = result.Adjustments.ToArray().Where(a => a.Kind == AdjustmentKind.MinimumSpendTopUp).Sum(a => a.Amount);
        Assert.Equal(expected, topUp);
        Assert.True(expected == 0 || result.Totals.AmountDue >= 50000);
        result.AssertConsistent();
    }

    [Fact]
    public void Price_InclusiveTax_IsExtractedAndLeavesTheAmountDue()
    {
        var policy = new PricingPolicy { TaxRates = [new TaxRateDefinition { Id = "vat6", Name = new("增值税6%", "VAT 6%"), BasisPoints = 600 }], DefaultTaxRateId = "vat6" };

        var result = Engine(policy).Price(Order(Line("fish-l"), Kungpao()));

        Assert.Equal((713L, 0L, 12600L), (result.Totals.Tax, result.Totals.TaxAdded, result.Totals.AmountDue));
        var tax = result.Single(AdjustmentKind.TaxIncluded);
        Assert.False(tax.AffectsAmountDue);
        Assert.Equal("vat6", result.Lines[0].TaxRateId);
        result.AssertConsistent();
    }

    [Theory]
    [InlineData(TaxCalculation.PerLine, 33)] // 3 × round(2.00 × 6/106 = 0.1132) = 0.33
    [InlineData(TaxCalculation.PerRate, 34)] // round(6.00 × 6/106 = 0.3396) = 0.34, apportioned 12/11/11
    public void Price_TaxCalculation_PerLineOrPerRate(TaxCalculation calculation, long expected)
    {
        var policy = new PricingPolicy { TaxCalculation = calculation, TaxRates = [new TaxRateDefinition { Id = "vat6", Name = new("增值税6%", "VAT 6%"), BasisPoints = 600 }], DefaultTaxRateId = "vat6" };

        var result = Engine(policy).Price(Order(Line("rice"), Line("rice"), Line("rice")));

        Assert.Equal(expected, result.Totals.Tax);
        Assert.Equal(expected, result.Lines.ToArray().Sum(l => l.Tax));
    }

    [Fact]
    public void Price_PerItemTaxRates_AreBucketedPerRate()
    {
        var definition = TestMenu.Definition();
        var items = definition.Items.Select(i => i.Id == "beer" ? Clone(i, "alcohol") : i).ToList();
        var catalog = MenuCatalog.Create(new CatalogDefinition { Categories = definition.Categories, ModifierGroups = definition.ModifierGroups, Items = items });
        var policy = new PricingPolicy
        {
            TaxMode = TaxMode.Exclusive,
            TaxRates = [new TaxRateDefinition { Id = "food", Name = new("餐饮6%", "Food 6%"), BasisPoints = 600 }, new TaxRateDefinition { Id = "alcohol", Name = new("酒类13%", "Alcohol 13%"), BasisPoints = 1300 }],
            DefaultTaxRateId = "food",
        };

        var result = PricingEngine.Create(catalog, policy).Price(Order(Kungpao(), Line("beer")));

        Assert.Equal([228L, 130L], [result.Lines[0].TaxAdded, result.Lines[1].TaxAdded]);
        Assert.Equal(3800 + 1000 + 358, result.Totals.AmountDue);
        Assert.Equal(2, result.Adjustments.ToArray().Count(a => a.Kind == AdjustmentKind.TaxAdded));
    }

    [Fact]
    public void Create_UnknownTaxRateOnAnItem_IsRejectedEagerly()
    {
        var definition = TestMenu.Definition();
        var catalog = MenuCatalog.Create(new CatalogDefinition { Categories = definition.Categories, ModifierGroups = definition.ModifierGroups, Items = definition.Items.Select(i => i.Id == "beer" ? Clone(i, "alcohol") : i).ToList() });

        var ex = Assert.Throws<OptionsValidationException>(() => PricingEngine.Create(catalog, new PricingPolicy()));

        Assert.Contains(ex.Failures, f => f.Contains("'alcohol' is not one of the policy's taxRates", StringComparison.Ordinal));
    }

    // The Square-style mixed order: item %, fixed order discount, taxable post-discount service charge,
    // exclusive per-line tax, then 抹分 — every figure worked out by hand.
    [Fact]
    public void Price_SquareStyleMixedOrder_MatchesTheHandComputation()
    {
        var policy = new PricingPolicy
        {
            Promotions =
            [
                new PromotionDefinition { Id = "hot10", Name = new("热菜九折", "Hot 10% off"), Kind = PromotionKind.ItemPercent, PercentOff = 1000, CategoryIds = ["hot"] },
                new PromotionDefinition { Id = "ten-off", Name = new("立减10元", "10 off"), Kind = PromotionKind.AmountOff, AmountOff = 1000 },
            ],
            Fees = [new FeeDefinition { Id = "sc", Name = new("服务费", "Service"), Kind = FeeKind.ServiceCharge, PercentBasisPoints = 1000, Taxable = true }],
            TaxMode = TaxMode.Exclusive,
            TaxCalculation = TaxCalculation.PerLine,
            TaxRates = [new TaxRateDefinition { Id = "vat6", Name = new("增值税6%", "VAT 6%"), BasisPoints = 600 }],
            DefaultTaxRateId = "vat6",
            CashRounding = new CashRounding { Unit = CashRoundingUnit.Jiao, Mode = CashRoundingMode.Floor },
        };

        var result = Engine(policy).Price(Order(Line("fish-l"), Kungpao(2), Line("cucumber")));

        var lines = result.Lines.ToArray();
        Assert.Equal([880L, 760L, 0L], lines.Select(l => l.ItemDiscount));
        Assert.Equal([496L, 429L, 75L], lines.Select(l => l.OrderDiscount));
        Assert.Equal([742L, 641L, 113L], lines.Select(l => l.Fees));
        Assert.Equal([490L, 423L, 74L], lines.Select(l => l.TaxAdded));
        Assert.Equal([-2L, -1L, 0L], lines.Select(l => l.Rounding));
        Assert.Equal([8654L, 7474L, 1312L], lines.Select(l => l.Total));
        Assert.Equal(17440, result.Totals.AmountDue);
        Assert.Equal(
            [AdjustmentKind.ItemPromotion, AdjustmentKind.OrderPromotion, AdjustmentKind.ServiceCharge, AdjustmentKind.TaxAdded, AdjustmentKind.Rounding],
            result.Adjustments.ToArray().Select(a => a.Kind));
        result.AssertConsistent();
    }

    [Theory]
    [InlineData(CashRoundingUnit.Jiao, CashRoundingMode.Floor, -6)]
    [InlineData(CashRoundingUnit.Yuan, CashRoundingMode.Floor, -56)]
    [InlineData(CashRoundingUnit.Jiao, CashRoundingMode.HalfUp, 4)]
    [InlineData(CashRoundingUnit.Yuan, CashRoundingMode.HalfUp, 44)]
    [InlineData(CashRoundingUnit.Jiao, CashRoundingMode.Ceiling, 4)]
    [InlineData(CashRoundingUnit.Yuan, CashRoundingMode.Ceiling, 44)]
    public void Price_MoLing_Of12856_IsItsOwnAdjustment(CashRoundingUnit unit, CashRoundingMode mode, long expected)
    {
        var line = Line("fish-l");
        line.PriceOverride = new ManualPriceOverride { UnitPrice = 12856, Reason = "时价", OperatorId = "c1" };
        var policy = new PricingPolicy { CashRounding = new CashRounding { Unit = unit, Mode = mode } };

        var result = Engine(policy).Price(Order(line));

        var rounding = result.Single(AdjustmentKind.Rounding);
        Assert.Equal((expected, "cash-rounding"), (rounding.Amount, rounding.RuleId));
        Assert.Equal(12856 + expected, result.Totals.AmountDue);
        Assert.Equal(expected, result.Totals.Rounding);
    }

    private static ItemDefinition Clone(ItemDefinition item, string taxRateId) => new()
    {
        Id = item.Id,
        Name = item.Name,
        CategoryId = item.CategoryId,
        Skus = item.Skus,
        Discountable = item.Discountable,
        TaxRateId = taxRateId,
    };
}
