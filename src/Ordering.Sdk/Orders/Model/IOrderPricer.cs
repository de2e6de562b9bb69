namespace Ordering.Sdk.Orders;

// The seam between orders and the pricing engine: the server prices the order from its lines on every
// change. A pricing refusal (unknown SKU, sold out, bad modifier) refuses the command that caused it.
internal interface IOrderPricer
{
    OrderPricingResult Price(OrderState state);
}

internal readonly record struct OrderPricingResult(OrderPricing? Pricing, OrderError? Error);
