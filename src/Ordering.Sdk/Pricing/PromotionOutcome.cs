namespace Ordering.Sdk.Pricing;

/// <summary>Why a promotion or coupon was or was not applied.</summary>
public enum PromotionOutcome
{
    /// <summary>Applied.</summary>
    Applied,

    /// <summary>Applicable, but the best deal is a combination without it (exclusivity, stacking or a better saving).</summary>
    NotInBestDeal,

    /// <summary>Outside its validity period.</summary>
    OutsideValidity,

    /// <summary>Outside its time window.</summary>
    OutsideTimeWindow,

    /// <summary>Not offered on this channel.</summary>
    ChannelNotEligible,

    /// <summary>For members only, and the order has no member.</summary>
    MembersOnly,

    /// <summary>The eligible amount or quantity does not reach its minimum.</summary>
    BelowMinimum,

    /// <summary>No line is eligible.</summary>
    NoEligibleItems,

    /// <summary>The eligible lines were already claimed by a higher-priority non-stackable item promotion.</summary>
    ItemsAlreadyDiscounted,

    /// <summary>A gift was earned but the gift SKU is not in the order (add it to receive it free).</summary>
    GiftNotInOrder,

    /// <summary>Not considered: more candidates than <see cref="PricingPolicy.MaxBestDealCandidates"/>.</summary>
    NotConsideredSearchLimit,
}
