namespace Ordering.Sdk.Orders;

/// <summary>A coupon (优惠券) was presented for the order.</summary>
public sealed record CouponApplied : OrderEvent
{
    /// <summary>Gets the coupon code.</summary>
    public required string Code { get; init; }
}
