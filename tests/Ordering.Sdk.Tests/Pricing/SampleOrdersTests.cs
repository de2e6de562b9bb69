using Ordering.Sdk.Pricing;
using Ordering.Sdk.Testing;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class SampleOrdersTests
{
    [Fact]
    public void BusyTable_TwentyLines_PricesEveryDishFiveTimesOnTheTestMenu()
    {
        var result = Engine().Price(SampleOrders.BusyTable(20));

        Assert.Equal(20, result.Lines.Length);
        foreach (var sku in new[] { SampleOrders.KungPao, SampleOrders.FishLarge, SampleOrders.Dumpling, SampleOrders.Cucumber })
        {
            var lines = 0;
            foreach (var line in result.Lines)
            {
                lines += line.SkuId == sku ? 1 : 0;
            }

            Assert.Equal(5, lines);
        }

        // 宫保鸡丁 38.00 + hot 0 + two eggs 4.00 + peanuts 1.00 = 43.00 a plate, 1 + i mod 3 plates.
        Assert.Equal(4300, result.Lines[0].UnitPrice + result.Lines[0].AddOnsPerUnit);
        Assert.Equal(2, result.Lines[4].Quantity);
        Assert.Equal(SampleOrders.Lunch, result.PricedAt);
    }

    [Fact]
    public void BusyTable_NoLines_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleOrders.BusyTable(0));
    }
}
