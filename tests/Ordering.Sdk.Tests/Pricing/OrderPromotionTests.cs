using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class OrderPromotionTests
{
    private static readonly PromotionDefinition Tiers = new()
    {
        Id = "manjian",
        Name = new("满100减20，满200减50", "20 off 100, 50 off 200"),
        Kind = PromotionKind.SpendTiers,
        Tiers = [new SpendTier { Threshold = 10000, AmountOff = 2000 }, new SpendTier { Threshold = 20000, AmountOff = 5000 }],
        Stackable = true,
    };

    private static readonly PromotionDefinition TenPercent = new() { Id = "order-90", Name = new("全单九折", "10% off"), Kind = PromotionKind.OrderPercent, PercentOff = 1000, Stackable = true };

    private static readonly CouponDefinition Coupon = new()
    {
        Code = "SAVE10",
        Name = new("满50减10券", "10 off 50"),
        AmountOff = 1000,
        MinimumSpend = 5000,
        ValidFrom = Lunch.AddDays(-7),
        ValidUntil = Lunch.AddDays(7),
        MaxRedemptions = 1,
    };

    [Theory]
    [InlineData(1, 2000)] // 126.00 → 满100减20
    [InlineData(2, 5000)] // 214.00 → 满200减50
    public void Price_SpendTiers_TakeTheHighestTierReached(int fish, long expected)
    {
        var result = Engine(new PricingPolicy { Promotions = [Tiers] }).Price(Order(Line("fish-l", fish), Kungpao()));

        Assert.Equal(expected, result.Totals.OrderDiscounts);
        result.AssertConsistent();
    }

    [Fact]
    public void Price_SpendTiers_AreApportionedByLargestRemainder()
    {
        var result = Engine(new PricingPolicy { Promotions = [Tiers] }).Price(Order(Line("fish-l"), Kungpao()));

        Assert.Equal([1397L, 603L], [result.Lines[0].OrderDiscount, result.Lines[1].OrderDiscount]);
        var shares = result.GetShares(result.Single(AdjustmentKind.OrderPromotion)).ToArray();
        Assert.Equal([new AdjustmentShare(0, -1397), new AdjustmentShare(1, -603)], shares);
    }

    [Theory]
    [InlineData(null, 4000)] // 每满100减20 on 264.00
    [InlineData(1, 2000)]
    public void Price_RepeatingTier_AppliesPerFullThreshold(int? maxApplications, long expected)
    {
        var repeat = new PromotionDefinition
        {
            Id = "each100",
            Name = new("每满100减20", "20 off each 100"),
            Kind = PromotionKind.SpendTiers,
            RepeatTier = true,
            MaxApplications = maxApplications,
            Tiers = [new SpendTier { Threshold = 10000, AmountOff = 2000 }],
        };

        Assert.Equal(expected, Engine(new PricingPolicy { Promotions = [repeat] }).Price(Order(Line("fish-l", 3))).Totals.OrderDiscounts);
    }

    [Theory]
    [InlineData(1000, 2000, "manjian")] // 126.00: 满减 20.00 beats 10% = 12.60
    [InlineData(2000, 6040, "order-80")] // 302.00: 20% = 60.40 beats 满减 50.00
    public void Price_ExclusiveGroup_BestDealWins(int percentOff, long expected, string winner)
    {
        var tiers = Tiers with { ExclusivityGroup = "order" };
        var percent = TenPercent with { Id = percentOff == 1000 ? "order-90" : "order-80", PercentOff = percentOff, ExclusivityGroup = "order" };
        var request = percentOff == 1000 ? Order(Line("fish-l"), Kungpao()) : Order(Line("fish-l", 3), Kungpao());

        var result = Engine(new PricingPolicy { Promotions = [tiers, percent] }).Price(request);

        Assert.Equal(expected, result.Totals.OrderDiscounts);
        Assert.Equal(PromotionOutcome.Applied, result.Evaluation(winner).Outcome);
        var loser = winner == "manjian" ? result.Evaluation("order-90") : result.Evaluation("manjian");
        Assert.Equal(PromotionOutcome.NotInBestDeal, loser.Outcome);
        Assert.Equal(winner == "manjian" ? 1260 : 5000, loser.Saving); // what it would have saved alone
    }

    [Fact]
    public void Price_Stackable_AppliesBothInPhaseOrder()
    {
        var result = Engine(new PricingPolicy { Promotions = [TenPercent, Tiers] }).Price(Order(Line("fish-l"), Kungpao()));

        Assert.Equal(2000 + 1060, result.Totals.OrderDiscounts); // 满减 first, then 10% of 106.00
        Assert.Equal(["manjian", "order-90"], result.Adjustments.ToArray().Select(a => a.RuleId));
        result.AssertConsistent();
    }

    [Fact]
    public void Price_NonStackable_IsOnlyAppliedAlone()
    {
        var result = Engine(new PricingPolicy { Promotions = [Tiers with { Stackable = false }, TenPercent] }).Price(Order(Line("fish-l"), Kungpao()));

        Assert.Equal(2000, result.Totals.OrderDiscounts);
        Assert.Equal(PromotionOutcome.NotInBestDeal, result.Evaluation("order-90").Outcome);
    }

    [Fact]
    public void Price_EqualSavings_FewerPromotionsWin()
    {
        PromotionDefinition Off(string id, long amount, bool stackable) => new() { Id = id, Name = new(id, id), Kind = PromotionKind.AmountOff, AmountOff = amount, Stackable = stackable };

        var result = Engine(new PricingPolicy { Promotions = [Off("b", 600, true), Off("c", 400, true), Off("a", 1000, false)] }).Price(Order(Line("fish-l")));

        Assert.Equal(1000, result.Totals.OrderDiscounts);
        Assert.Equal(PromotionOutcome.Applied, result.Evaluation("a").Outcome);
    }

    [Fact]
    public void Price_EqualSavingsAndCounts_HigherPriorityWins()
    {
        PromotionDefinition Off(string id, int priority) => new() { Id = id, Name = new(id, id), Kind = PromotionKind.AmountOff, AmountOff = 500, Priority = priority, ExclusivityGroup = "g" };

        var result = Engine(new PricingPolicy { Promotions = [Off("low", 1), Off("high", 9)] }).Price(Order(Line("fish-l")));

        Assert.Equal(PromotionOutcome.Applied, result.Evaluation("high").Outcome);
        Assert.Equal(PromotionOutcome.NotInBestDeal, result.Evaluation("low").Outcome);
    }

    [Fact]
    public void Price_SearchLimit_ReportsCandidatesNotConsidered()
    {
        PromotionDefinition Off(string id, int priority) => new() { Id = id, Name = new(id, id), Kind = PromotionKind.AmountOff, AmountOff = 100, Priority = priority, Stackable = true };

        var result = Engine(new PricingPolicy { MaxBestDealCandidates = 2, Promotions = [Off("p1", 1), Off("p2", 2), Off("p3", 3)] }).Price(Order(Line("fish-l")));

        Assert.Equal(PromotionOutcome.NotConsideredSearchLimit, result.Evaluation("p1").Outcome);
        Assert.Equal(200, result.Totals.OrderDiscounts);
    }

    [Fact]
    public void Price_MemberDiscount_NeedsAMember()
    {
        var member = new PromotionDefinition { Id = "vip", Name = new("会员95折", "Member 5% off"), Kind = PromotionKind.MemberDiscount, PercentOff = 500 };
        var engine = Engine(new PricingPolicy { Promotions = [member] });
        var request = Order(Line("fish-l"));

        Assert.Equal(PromotionOutcome.MembersOnly, engine.Price(request).Evaluation("vip").Outcome);
        request.Context.MemberId = "m-1";
        var result = engine.Price(request);
        Assert.Equal((AdjustmentKind.MemberDiscount, -440L), (result.Single(AdjustmentKind.MemberDiscount).Kind, result.Totals.OrderDiscounts * -1));
    }

    [Fact]
    public void Price_ExcludeDiscountedItems_LeavesPromotedLinesOut()
    {
        var item = new PromotionDefinition { Id = "kp", Name = new("特价", "Special"), Kind = PromotionKind.SpecialPrice, SpecialPrice = 2800, ItemIds = ["kungpao"] };
        var order = TenPercent with { ExcludeDiscountedItems = true };

        var result = Engine(new PricingPolicy { Promotions = [item, order] }).Price(Order(Kungpao(), Line("fish-l")));

        Assert.Equal((0L, 880L), (result.Lines[0].OrderDiscount, result.Lines[1].OrderDiscount));
    }

    [Fact]
    public void Price_Coupon_IsACandidateOfTheBestDeal()
    {
        var request = Order(Line("fish-l"));
        request.Context.Coupons.Add(new CouponPresentation("SAVE10"));

        var result = Engine(new PricingPolicy { Coupons = [Coupon] }).Price(request);

        var adjustment = result.Single(AdjustmentKind.Coupon);
        Assert.Equal(("SAVE10", -1000L), (adjustment.RuleId, adjustment.Amount));
        Assert.True(result.Evaluation("SAVE10").IsCoupon);
    }

    [Fact]
    public void Price_CouponLosingTheBestDeal_IsReportedNotFailed()
    {
        var request = Order(Line("fish-l"), Kungpao());
        request.Context.Coupons.Add(new CouponPresentation("SAVE10"));

        var result = Engine(new PricingPolicy { Promotions = [Tiers with { Stackable = false }], Coupons = [Coupon] }).Price(request);

        Assert.Equal(2000, result.Totals.OrderDiscounts);
        Assert.Equal((PromotionOutcome.NotInBestDeal, 1000L), (result.Evaluation("SAVE10").Outcome, result.Evaluation("SAVE10").Saving));
    }

    [Theory]
    [InlineData("NOPE", 0, "fish-l", PricingErrorCode.UnknownCoupon)]
    [InlineData("OLD", 0, "fish-l", PricingErrorCode.CouponExpired)]
    [InlineData("SAVE10", 1, "fish-l", PricingErrorCode.CouponUsedUp)]
    [InlineData("SAVE10", 0, "rice", PricingErrorCode.CouponNotApplicable)] // below its minimum spend
    [InlineData("SEAFOOD", 0, "fish-l", PricingErrorCode.CouponNotApplicable)] // no eligible items
    public void Price_InapplicableCoupon_ReturnsStructuredError(string code, int redeemed, string sku, PricingErrorCode expected)
    {
        var policy = new PricingPolicy
        {
            Coupons =
            [
                Coupon,
                Coupon with { Code = "OLD", ValidUntil = Lunch.AddHours(-1), ValidFrom = null },
                Coupon with { Code = "SEAFOOD", CategoryIds = ["seafood"] },
            ],
        };
        var request = Order(Line(sku));
        request.Context.Coupons.Add(new CouponPresentation(code, redeemed));

        var error = Assert.Single(Engine(policy).Fail(request).Errors);

        Assert.Equal((expected, "context.coupons[0]"), (error.Code, error.Path));
    }

    [Fact]
    public void Price_SameCouponTwice_IsRejected()
    {
        var request = Order(Line("fish-l"));
        request.Context.Coupons.Add(new CouponPresentation("SAVE10"));
        request.Context.Coupons.Add(new CouponPresentation("SAVE10"));

        var error = Assert.Single(Engine(new PricingPolicy { Coupons = [Coupon] }).Fail(request).Errors);

        Assert.Equal("context.coupons[1]", error.Path);
    }

    [Fact]
    public void Price_ManualOrderDiscount_SkipsNonDiscountableItemsAndIsCapped()
    {
        var request = Order(Kungpao(), Line("beer"));
        request.Context.ManualOrderDiscount = new ManualDiscount { AmountOff = 1_000_000, Reason = "店长免单", OperatorId = "mgr" };

        var result = Engine().Price(request);

        Assert.Equal((0L, 1000L), (result.Lines[0].Total, result.Lines[1].Total));
        var adjustment = result.Single(AdjustmentKind.ManualOrderDiscount);
        Assert.Equal((-3800L, "店长免单"), (adjustment.Amount, adjustment.Reason));
        result.AssertConsistent();
    }
}
