using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class ItemPromotionTests
{
    [Fact]
    public void Price_ItemPercent_DiscountsOnlyTargetedLines()
    {
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "hot-88", Name = new("热菜八八折", "Hot dishes 12% off"), Kind = PromotionKind.ItemPercent, PercentOff = 1200, CategoryIds = ["hot"] }] };

        var result = Engine(policy).Price(Order(Kungpao(), Line("cucumber")));

        Assert.Equal([456L, 0L], [result.Lines[0].ItemDiscount, result.Lines[1].ItemDiscount]);
        Assert.Equal(4544, result.Totals.AmountDue);
        var adjustment = result.Single(AdjustmentKind.ItemPromotion);
        Assert.Equal(("hot-88", -456L), (adjustment.RuleId, adjustment.Amount));
        Assert.Equal(PromotionOutcome.Applied, result.Evaluation("hot-88").Outcome);
        result.AssertConsistent();
    }

    [Fact]
    public void Price_SpecialPrice_KeepsModifierPrices()
    {
        var line = Line("kungpao", 2, "medium", "egg");
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "sp", Name = new("特价", "Special"), Kind = PromotionKind.SpecialPrice, SpecialPrice = 2800, ItemIds = ["kungpao"] }] };

        var result = Engine(policy).Price(Order(line));

        Assert.Equal((8000L, 2000L, 6000L), (result.Lines[0].Gross, result.Lines[0].ItemDiscount, result.Totals.AmountDue));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1900)]
    [InlineData(3, 1900)]
    [InlineData(4, 3800)]
    public void Price_SecondHalfPrice_DiscountsEveryNthUnit(int quantity, long expected)
    {
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "half", Name = new("第二份半价", "2nd half price"), Kind = PromotionKind.NthItemPercent, NthItem = 2, PercentOff = 5000, ItemIds = ["kungpao"] }] };

        var result = Engine(policy).Price(Order(Kungpao(quantity)));

        Assert.Equal(expected, result.Totals.ItemDiscounts);
        Assert.Equal(expected == 0 ? PromotionOutcome.BelowMinimum : PromotionOutcome.Applied, result.Evaluation("half").Outcome);
    }

    [Theory]
    [InlineData(3, 200)] // buy 2 get 1: q=3 → 1 free, q=5 → 1, q=6 → 2 (the Odoo formula in the reference)
    [InlineData(5, 200)]
    [InlineData(6, 400)]
    public void Price_BuyTwoGetOne_FreeUnitsPerFullSet(int quantity, long expected)
    {
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "b2g1", Name = new("买二送一", "Buy 2 get 1"), Kind = PromotionKind.BuyXGetY, BuyQuantity = 2, GetQuantity = 1, ItemIds = ["rice"] }] };

        Assert.Equal(expected, Engine(policy).Price(Order(Line("rice", quantity))).Totals.ItemDiscounts);
    }

    [Theory]
    [InlineData(FreeUnitChoice.CheapestFirst, 3800)]
    [InlineData(FreeUnitChoice.MostExpensiveFirst, 5800)]
    public void Price_BuyOneGetOne_FreeUnitChoiceIsConfigurable(FreeUnitChoice choice, long expected)
    {
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "bogo", Name = new("买一送一", "BOGO"), Kind = PromotionKind.BuyXGetY, BuyQuantity = 1, GetQuantity = 1, FreeUnits = choice, CategoryIds = ["hot"] }] };

        var result = Engine(policy).Price(Order(Line("fish-s"), Kungpao()));

        Assert.Equal(expected, result.Totals.ItemDiscounts);
        result.AssertConsistent();
    }

    [Fact]
    public void Price_MaxApplications_CapsSets()
    {
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "b2g1", Name = new("买二送一", "Buy 2 get 1"), Kind = PromotionKind.BuyXGetY, BuyQuantity = 2, GetQuantity = 1, MaxApplications = 1, ItemIds = ["rice"] }] };

        Assert.Equal(200, Engine(policy).Price(Order(Line("rice", 9))).Totals.ItemDiscounts);
    }

    [Fact]
    public void Price_Gift_MakesEarnedGiftFreeAndExplainsMissingOnes()
    {
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "gift", Name = new("点两份热菜送米饭", "Rice on us"), Kind = PromotionKind.Gift, BuyQuantity = 2, GiftSkuId = "rice", CategoryIds = ["hot"] }] };
        var engine = Engine(policy);

        var earned = engine.Price(Order(Kungpao(2), Line("rice", 2)));
        var notInOrder = engine.Price(Order(Kungpao(2)));
        var notEarned = engine.Price(Order(Kungpao(1), Line("rice")));

        Assert.Equal(200, earned.Lines[1].ItemDiscount); // one of the two bowls
        Assert.Equal(PromotionOutcome.GiftNotInOrder, notInOrder.Evaluation("gift").Outcome);
        Assert.Equal(PromotionOutcome.BelowMinimum, notEarned.Evaluation("gift").Outcome);
    }

    [Fact]
    public void Price_NonStackable_ClaimsLinesSoALowerPriorityPromotionSkipsThem()
    {
        var percent = new PromotionDefinition { Id = "a-percent", Name = new("八八折", "12% off"), Kind = PromotionKind.ItemPercent, PercentOff = 1200, Priority = 10, ItemIds = ["kungpao"] };
        var special = new PromotionDefinition { Id = "b-special", Name = new("特价", "Special"), Kind = PromotionKind.SpecialPrice, SpecialPrice = 2000, Priority = 5, ItemIds = ["kungpao"] };

        var exclusive = Engine(new PricingPolicy { Promotions = [special, percent] }).Price(Order(Kungpao()));
        var stacked = Engine(new PricingPolicy { Promotions = [special with { Stackable = true }, percent] }).Price(Order(Kungpao()));

        Assert.Equal(456, exclusive.Totals.ItemDiscounts);
        Assert.Equal(PromotionOutcome.ItemsAlreadyDiscounted, exclusive.Evaluation("b-special").Outcome);
        Assert.Equal(456 + 1800, stacked.Totals.ItemDiscounts); // special price brings 38.00 to 20.00; the 12% came first
    }

    [Fact]
    public void Price_MaxDiscount_CapIsApportionedToTheLinesExactly()
    {
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "half", Name = new("半价", "Half"), Kind = PromotionKind.ItemPercent, PercentOff = 5000, MaxDiscount = 1000, CategoryIds = ["hot"] }] };

        var result = Engine(policy).Price(Order(Kungpao(), Line("fish-s")));

        Assert.Equal([396L, 604L], [result.Lines[0].ItemDiscount, result.Lines[1].ItemDiscount]);
        result.AssertConsistent();
    }

    [Fact]
    public void Price_NonDiscountableItem_IsNeverDiscounted()
    {
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "all", Name = new("九折", "10% off"), Kind = PromotionKind.ItemPercent, PercentOff = 1000 }] };

        var result = Engine(policy).Price(Order(Kungpao(), Line("beer")));

        Assert.Equal((380L, 0L), (result.Lines[0].ItemDiscount, result.Lines[1].ItemDiscount));
    }

    [Fact]
    public void Price_Filters_ExplainWhyAPromotionDidNotRun()
    {
        PromotionDefinition Make(string id) => new() { Id = id, Name = new(id, id), Kind = PromotionKind.ItemPercent, PercentOff = 1000 };
        var policy = new PricingPolicy
        {
            Promotions =
            [
                Make("expired") with { ValidUntil = Lunch.AddDays(-1) },
                Make("friday") with { Window = new TimeWindow { Days = [DayOfWeek.Friday], Start = new TimeOnly(11, 0), End = new TimeOnly(14, 0) } },
                Make("delivery") with { Channels = [SalesChannel.Delivery] },
                Make("members") with { MembersOnly = true },
                Make("seafood") with { CategoryIds = ["seafood"] },
                Make("min") with { MinimumSpend = 100_000 },
            ],
        };

        var result = Engine(policy).Price(Order(Kungpao()));

        Assert.Equal(PromotionOutcome.OutsideValidity, result.Evaluation("expired").Outcome);
        Assert.Equal(PromotionOutcome.OutsideTimeWindow, result.Evaluation("friday").Outcome);
        Assert.Equal(PromotionOutcome.ChannelNotEligible, result.Evaluation("delivery").Outcome);
        Assert.Equal(PromotionOutcome.MembersOnly, result.Evaluation("members").Outcome);
        Assert.Equal(PromotionOutcome.NoEligibleItems, result.Evaluation("seafood").Outcome);
        Assert.Equal(PromotionOutcome.BelowMinimum, result.Evaluation("min").Outcome);
        Assert.Equal(0, result.Totals.ItemDiscounts);
    }

    [Fact]
    public void Price_ManualLineDiscount_IsCappedAndCarriesReasonAndOperator()
    {
        var percent = Line("fish-l");
        percent.ManualDiscount = new ManualDiscount { PercentOff = 1000, Reason = "上菜慢", OperatorId = "w-3" };
        var tooMuch = Line("rice");
        tooMuch.ManualDiscount = new ManualDiscount { AmountOff = 99_999, Reason = "赠送", OperatorId = "w-3" };

        var result = Engine().Price(Order(percent, tooMuch));

        Assert.Equal((880L, 200L, 0L), (result.Lines[0].ItemDiscount, result.Lines[1].ItemDiscount, result.Lines[1].Total));
        var first = result.Adjustments[0];
        Assert.Equal((AdjustmentKind.ManualItemDiscount, "上菜慢", "w-3"), (first.Kind, first.Reason, first.OperatorId));
        result.AssertConsistent();
    }

    [Fact]
    public void Price_ManualDiscountWithoutReason_IsAnError()
    {
        var line = Line("rice");
        line.ManualDiscount = new ManualDiscount { AmountOff = 100, Reason = " ", OperatorId = "w-3" };

        var error = Assert.Single(Engine().Fail(Order(line)).Errors);

        Assert.Equal((PricingErrorCode.InvalidManualAdjustment, "lines[0].manualDiscount"), (error.Code, error.Path));
    }
}
