namespace Ordering.Sdk.Orders;

/// <summary>
/// Presents a coupon (优惠券) for the order. The coupon must apply when presented: an unknown, expired,
/// used-up or inapplicable coupon refuses the command with the pricing engine's reason. If the order
/// later changes so that the coupon no longer applies (a dish removed below the minimum spend), the
/// coupon stays on the order, inactive with its reason, and applies again when it can.
/// </summary>
public sealed record ApplyCoupon : OrderCommand
{
    /// <summary>The most coupons one order can hold.</summary>
    public const int MaxCouponsPerOrder = 5;

    /// <summary>Gets the coupon code.</summary>
    public required string Code { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Id(Code, "code");
        if (error is not null)
        {
            return error;
        }

        return state.Coupons.Contains(Code, StringComparer.Ordinal) ? OrderErrors.CouponAlreadyApplied(Code)
            : state.Coupons.Count >= MaxCouponsPerOrder ? OrderErrors.TooManyCoupons(MaxCouponsPerOrder)
            : Decision.Accept(new CouponApplied { Code = Code });
    }
}
