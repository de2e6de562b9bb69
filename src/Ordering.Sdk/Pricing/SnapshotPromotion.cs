using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>How a promotion fared, as frozen in a <see cref="PriceSnapshot"/>.</summary>
public sealed class SnapshotPromotion
{
    /// <summary>Gets the promotion id or coupon code.</summary>
    public required string PromotionId { get; init; }

    /// <summary>Gets the display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets a value indicating whether it is a coupon.</summary>
    public bool IsCoupon { get; init; }

    /// <summary>Gets the outcome.</summary>
    public PromotionOutcome Outcome { get; init; }

    /// <summary>Gets the saving.</summary>
    public long Saving { get; init; }
}
