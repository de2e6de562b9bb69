namespace Ordering.Sdk.Pricing;

/// <summary>Why an order could not be priced.</summary>
public enum PricingErrorCode
{
    /// <summary>The order has no lines.</summary>
    EmptyOrder,

    /// <summary>The order has more lines than <see cref="PricingEngineOptions.MaxLines"/>.</summary>
    TooManyLines,

    /// <summary>The SKU is not on the menu.</summary>
    UnknownSku,

    /// <summary>The SKU is sold out (估清).</summary>
    SoldOut,

    /// <summary>The order asks for more than the remaining stock.</summary>
    InsufficientStock,

    /// <summary>The quantity is zero, negative, below the minimum (起售), off the step (增售) or above the maximum.</summary>
    InvalidQuantity,

    /// <summary>A weighed item has no weight, or a weight out of range.</summary>
    InvalidWeight,

    /// <summary>The modifier choice is not on the menu or not offered with this item.</summary>
    InvalidModifier,

    /// <summary>A modifier group has fewer or more choices than allowed.</summary>
    ModifierCountOutOfRange,

    /// <summary>A combo choice is invalid: not a combo, unknown group or option, sold out, or too many of it.</summary>
    InvalidComboChoice,

    /// <summary>A combo group has fewer or more choices than allowed.</summary>
    ComboCountOutOfRange,

    /// <summary>The coupon code is unknown or presented twice.</summary>
    UnknownCoupon,

    /// <summary>The coupon is not valid at this time.</summary>
    CouponExpired,

    /// <summary>The coupon has reached its redemption cap.</summary>
    CouponUsedUp,

    /// <summary>The coupon does not apply to this order (channel, no eligible items, below its minimum spend).</summary>
    CouponNotApplicable,

    /// <summary>A manual discount or price override is malformed (no reason or operator, negative, over 100%).</summary>
    InvalidManualAdjustment,

    /// <summary>The guest count is negative.</summary>
    InvalidGuestCount,

    /// <summary>The amounts are too large to compute exactly.</summary>
    AmountOverflow,
}
