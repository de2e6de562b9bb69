namespace Ordering.Sdk.Orders;

/// <summary>A coupon was taken off the order.</summary>
public sealed record CouponRemoved : OrderEvent
{
    /// <summary>Gets the coupon code.</summary>
    public required string Code { get; init; }
}
