using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Tests.Catalog;

namespace Ordering.Sdk.Tests.Pricing;

// Builds engines over the test menu and orders for them, at a fixed Tuesday lunchtime in Shanghai.
internal static class PricingKit
{
    public static readonly DateTimeOffset Lunch = new(2026, 11, 24, 12, 30, 0, TimeSpan.FromHours(8));

    public static readonly MenuCatalog Catalog = TestMenu.Catalog();

    public static PricingEngine Engine(PricingPolicy? policy = null, DateTimeOffset? now = null) =>
        PricingEngine.Create(Catalog, policy ?? new PricingPolicy(), new PricingEngineOptions { TimeProvider = new FakeTimeProvider(now ?? Lunch) });

    public static OrderLineRequest Line(string sku, int quantity = 1, params string[] modifiers)
    {
        var line = new OrderLineRequest { SkuId = sku, Quantity = quantity };
        foreach (var modifier in modifiers)
        {
            line.Modifiers.Add(new ModifierSelection(modifier));
        }

        return line;
    }

    public static OrderLineRequest Kungpao(int quantity = 1) => Line("kungpao", quantity, "medium");

    public static PricingRequest Order(params OrderLineRequest[] lines)
    {
        var request = new PricingRequest();
        foreach (var line in lines)
        {
            request.Lines.Add(line);
        }

        return request;
    }

    public static PricingResult Price(this PricingEngine engine, PricingRequest request)
    {
        var result = new PricingResult();
        var ok = engine.Price(request, result);
        Assert.True(ok, ok ? string.Empty : string.Join(Environment.NewLine, result.Errors));
        return result;
    }

    public static PricingResult Fail(this PricingEngine engine, PricingRequest request)
    {
        var result = new PricingResult();
        Assert.False(engine.Price(request, result));
        Assert.True(result.Lines.IsEmpty);
        return result;
    }

    public static PromotionDefinition Promotion(string id, PromotionKind kind) => new() { Id = id, Name = new(id, id), Kind = kind };

    public static PriceAdjustment Single(this PricingResult result, AdjustmentKind kind)
    {
        PriceAdjustment? found = null;
        foreach (var adjustment in result.Adjustments)
        {
            if (adjustment.Kind == kind)
            {
                Assert.Null(found);
                found = adjustment;
            }
        }

        Assert.NotNull(found);
        return found.Value;
    }

    public static PromotionEvaluation Evaluation(this PricingResult result, string id)
    {
        foreach (var evaluation in result.Promotions)
        {
            if (evaluation.PromotionId == id)
            {
                return evaluation;
            }
        }

        throw new Xunit.Sdk.XunitException($"No evaluation for {id}.");
    }

    public static long[] Totals(this PricingResult result)
    {
        var totals = new long[result.Lines.Length];
        for (var i = 0; i < totals.Length; i++)
        {
            totals[i] = result.Lines[i].Total;
        }

        return totals;
    }

    // The invariants every priced order must satisfy, checked after every test that prices.
    public static void AssertConsistent(this PricingResult result)
    {
        long due = 0;
        foreach (var line in result.Lines)
        {
            Assert.True(line.Total >= 0, "a line total is negative");
            Assert.True(line.ItemDiscount + line.OrderDiscount <= line.Gross, "discounts exceed the line");
            Assert.Equal(line.Gross - line.ItemDiscount - line.OrderDiscount + line.Fees + line.TaxAdded + line.Rounding, line.Total);
            due += line.Total;
        }

        Assert.Equal(result.Totals.AmountDue, due);
        var t = result.Totals;
        Assert.Equal(t.Subtotal - t.ItemDiscounts - t.OrderDiscounts + t.Fees + t.TaxAdded + t.Rounding, t.AmountDue);
        foreach (var adjustment in result.Adjustments)
        {
            long sum = 0;
            foreach (var share in result.GetShares(adjustment))
            {
                sum += share.Amount;
            }

            Assert.Equal(adjustment.Amount, sum);
        }
    }
}
