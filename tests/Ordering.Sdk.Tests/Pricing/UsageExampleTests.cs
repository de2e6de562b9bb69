using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Tests.Pricing;

// The usage example handed to the README, compiled and checked.
public sealed class UsageExampleTests
{
    [Fact]
    public void UsageExample_PricesThreeDishesWithManjianAndMoLing()
    {
        var catalog = MenuCatalog.Create(new CatalogDefinition
        {
            Categories = [new() { Id = "hot", Name = new("热菜", "Hot dishes") }],
            Items = [new() { Id = "kungpao", Name = new("宫保鸡丁", "Kung Pao Chicken"), CategoryId = "hot", Skus = [new() { Id = "kungpao", Name = new("例", "Regular"), Price = 3850 }] }],
        });
        var engine = PricingEngine.Create(catalog, new PricingPolicy
        {
            Promotions = [new() { Id = "manjian", Name = new("满100减20", "20 off 100"), Kind = PromotionKind.SpendTiers, Tiers = [new() { Threshold = 10000, AmountOff = 2000 }] }],
            CashRounding = new() { Unit = CashRoundingUnit.Yuan, Mode = CashRoundingMode.Floor }, // 抹角
        });
        var request = new PricingRequest();
        request.Lines.Add(new OrderLineRequest { SkuId = "kungpao", Quantity = 3 });
        var result = new PricingResult(); // keep and reuse: no allocation after warm-up
        var priced = engine.Price(request, result); // false → result.Errors (code, path, zh-CN/en message)

        Assert.True(priced);
        Assert.Equal((11550L, 2000L, -50L, 9500L), (result.Totals.Subtotal, result.Totals.OrderDiscounts, result.Totals.Rounding, result.Totals.AmountDue));
    }
}
