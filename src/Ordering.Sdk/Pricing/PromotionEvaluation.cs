using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>How one promotion or coupon fared: applied with its saving, or the reason it was not.</summary>
public readonly struct PromotionEvaluation
{
    internal PromotionEvaluation(string promotionId, LocalizedText name, bool isCoupon, PromotionOutcome outcome, long saving)
    {
        PromotionId = promotionId;
        Name = name;
        IsCoupon = isCoupon;
        Outcome = outcome;
        Saving = saving;
    }

    /// <summary>Gets the promotion id or coupon code.</summary>
    public string PromotionId { get; }

    /// <summary>Gets the display name.</summary>
    public LocalizedText Name { get; }

    /// <summary>Gets a value indicating whether it is a coupon.</summary>
    public bool IsCoupon { get; }

    /// <summary>Gets the outcome.</summary>
    public PromotionOutcome Outcome { get; }

    /// <summary>Gets the saving in minor units: applied, or what it would have saved alone when <see cref="PromotionOutcome.NotInBestDeal"/>.</summary>
    public long Saving { get; }
}
