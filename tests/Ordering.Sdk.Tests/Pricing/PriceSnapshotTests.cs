using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Serialization;
using Ordering.Sdk.Tests.Catalog;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class PriceSnapshotTests
{
    // PrestaShop #42502 from the reference: items 150 + 60, 20% order discount = 42; refunding the 150 item
    // must return 150 − 30 = 120, not 150 − 42.
    [Fact]
    public void GetRefundableAmount_OrderDiscountIsRefundedInProportion()
    {
        var catalog = MenuCatalog.Create(new CatalogDefinition
        {
            Categories = [TestMenu.Category("c", "类", "Cat")],
            Items = [TestMenu.Simple("a", "甲", "A", "c", 15000), TestMenu.Simple("b", "乙", "B", "c", 6000)],
        });
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "20off", Name = new("八折", "20% off"), Kind = PromotionKind.OrderPercent, PercentOff = 2000 }] };

        var snapshot = PricingEngine.Create(catalog, policy).Price(Order(Line("a"), Line("b"))).ToSnapshot();

        Assert.Equal(4200, snapshot.OrderDiscounts);
        Assert.Equal(12000, snapshot.GetRefundableAmount(0, 1));
        Assert.Equal(4800, snapshot.GetRefundableAmount(1, 1));
    }

    [Fact]
    public void GetRefundableAmount_PartsOfALine_LastRefundTakesWhatIsLeft()
    {
        var policy = new PricingPolicy { Promotions = [new PromotionDefinition { Id = "ten-off", Name = new("立减10元", "10 off"), Kind = PromotionKind.AmountOff, AmountOff = 1000 }] };
        var snapshot = Engine(policy).Price(Order(Line("rice", 3), Line("fish-l"))).ToSnapshot();
        var rice = snapshot.Lines[0];

        var first = snapshot.GetRefundableAmount(0, 1);
        var second = snapshot.GetRefundableAmount(0, 1, refundedQuantity: 1, refundedAmount: first);
        var last = snapshot.GetRefundableAmount(0, 1, refundedQuantity: 2, refundedAmount: first + second);

        Assert.Equal(rice.Total, first + second + last);
        Assert.Equal(536, rice.Total); // 6.00 − its 0.64 share of the 10.00 (600 of 9400)
        Assert.Equal((179L, 178L, 179L), (first, second, last)); // cumulative 178.67 → 179, 357.33 → 357, then the rest
        Assert.Throws<ArgumentOutOfRangeException>(() => snapshot.GetRefundableAmount(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => snapshot.GetRefundableAmount(5, 1));
    }

    [Fact]
    public void ToSnapshot_FailedResult_Throws()
    {
        var result = Engine().Fail(Order(Line("ghost")));

        Assert.Throws<InvalidOperationException>(result.ToSnapshot);
    }

    [Fact]
    public void SerializeSnapshot_RoundTrip_IsLossless()
    {
        var request = RandomOrders.Create(new Random(7), 12);
        request.Context.MemberId = "m-1";
        var snapshot = Engine(RandomOrders.RichPolicy()).Price(request).ToSnapshot();

        var json = PricingJson.SerializeSnapshot(snapshot);
        var back = PricingJson.DeserializeSnapshot(json);

        Assert.Equal(json, PricingJson.SerializeSnapshot(back));
        Assert.Equal(snapshot.AmountDue, back.AmountDue);
        Assert.Equal(snapshot.Adjustments[0].Shares, back.Adjustments[0].Shares);
        Assert.Contains("\"kind\":\"ItemPromotion\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SerializePolicy_RoundTrip_BuildsTheSameEngine()
    {
        var policy = RandomOrders.RichPolicy();
        var json = PricingJson.SerializePolicy(policy);

        var back = PricingJson.DeserializePolicy(json);

        Assert.Equal(json, PricingJson.SerializePolicy(back));
        var request = RandomOrders.Create(new Random(3), 10);
        Assert.Equal(Engine(policy).Price(request).Totals.AmountDue, Engine(back).Price(request).Totals.AmountDue);
    }
}
