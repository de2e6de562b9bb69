using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Orders;

// What the pricing engine says an order's state costs: the amount due, each active line's share, the
// engine's explanation, and any coupon that is on the order but lapsed.
internal sealed record OrderPricing(Money AmountDue, IReadOnlyDictionary<string, Money> LineAmounts)
{
    public PriceSnapshot? Snapshot { get; init; }

    public IReadOnlyList<string> PricedLineIds { get; init; } = [];

    public IReadOnlyList<InactiveCoupon> InactiveCoupons { get; init; } = [];

    public static OrderPricing Zero(Currency currency) => new(Money.Zero(currency), new Dictionary<string, Money>(StringComparer.Ordinal));
}
