using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Tests.Orders;

// A stand-in for the pricing engine in order tests: unit price per SKU, comped lines free, unknown SKU refused.
internal sealed class FixedPriceOrderPricer(IReadOnlyDictionary<string, long> prices) : IOrderPricer
{
    public OrderPricingResult Price(OrderState state)
    {
        var amounts = new Dictionary<string, Money>(StringComparer.Ordinal);
        var total = Money.Fen(0);
        for (var i = 0; i < state.Lines.Count; i++)
        {
            var line = state.Lines[i];
            if (!line.IsActive)
            {
                continue;
            }

            if (!prices.TryGetValue(line.Item.SkuId, out var unit))
            {
                return new OrderPricingResult(null, new OrderError("unknown_sku", $"lines[{i}].skuId", "unknown SKU", "菜品不存在"));
            }

            var amount = line.IsComped ? Money.Fen(0) : Money.Fen(unit) * line.Quantity;
            amounts[line.LineId] = amount;
            total += amount;
        }

        return new OrderPricingResult(new OrderPricing(total, amounts), null);
    }
}
