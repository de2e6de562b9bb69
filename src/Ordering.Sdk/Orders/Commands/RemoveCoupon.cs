namespace Ordering.Sdk.Orders;

/// <summary>Takes a coupon off the order; the order is re-priced without it.</summary>
public sealed record RemoveCoupon : OrderCommand
{
    /// <summary>Gets the coupon code.</summary>
    public required string Code { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Id(Code, "code");
        if (error is not null)
        {
            return error;
        }

        return state.Coupons.Contains(Code, StringComparer.Ordinal)
            ? Decision.Accept(new CouponRemoved { Code = Code })
            : OrderErrors.CouponNotOnOrder(Code);
    }
}
