namespace Ordering.Sdk.Pricing;

/// <summary>What an entry of the adjustment ledger is; the order of the values is the order of the pipeline.</summary>
public enum AdjustmentKind
{
    /// <summary>Step 1: a manual unit price (改价); the amount is the difference from the resolved price.</summary>
    PriceOverride,

    /// <summary>Step 3: an item-level promotion.</summary>
    ItemPromotion,

    /// <summary>Step 3: a manual line discount.</summary>
    ManualItemDiscount,

    /// <summary>Step 4: an order-level promotion (满减, whole-order %, fixed off).</summary>
    OrderPromotion,

    /// <summary>Step 4: a coupon.</summary>
    Coupon,

    /// <summary>Step 4: a member discount.</summary>
    MemberDiscount,

    /// <summary>Step 4: a manual order discount.</summary>
    ManualOrderDiscount,

    /// <summary>Step 5: a service charge.</summary>
    ServiceCharge,

    /// <summary>Step 5: a per-guest fee (茶位费).</summary>
    GuestFee,

    /// <summary>Step 5: a packaging fee.</summary>
    PackagingFee,

    /// <summary>Step 5: a minimum-spend top-up (低消补齐).</summary>
    MinimumSpendTopUp,

    /// <summary>Step 6: tax contained in the prices; informational, it does not change the amount due.</summary>
    TaxIncluded,

    /// <summary>Step 6: tax added on top.</summary>
    TaxAdded,

    /// <summary>Step 7: 抹零.</summary>
    Rounding,
}
