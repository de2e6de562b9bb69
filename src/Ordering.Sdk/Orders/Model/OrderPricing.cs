namespace Ordering.Sdk.Orders;

// What the pricing engine says an order's state costs: the amount due and each active line's share.
internal sealed record OrderPricing(Money AmountDue, IReadOnlyDictionary<string, Money> LineAmounts)
{
    public static OrderPricing Zero(Currency currency) => new(Money.Zero(currency), new Dictionary<string, Money>(StringComparer.Ordinal));
}
