using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

// The runtime form of a promotion or coupon: targets turned into a per-SKU bit table, caps made total.
internal sealed class CompiledPromotion
{
    public required string Id { get; init; }

    public required LocalizedText Name { get; init; }

    public required PromotionKind Kind { get; init; }

    public bool IsCoupon { get; init; }

    public int Priority { get; init; }

    public int Group { get; init; } = -1;

    public bool Stackable { get; init; }

    public bool ExcludeDiscountedItems { get; init; }

    public required bool[] EligibleSku { get; init; }

    public int ChannelMask { get; init; }

    public TimeWindow? Window { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public bool MembersOnly { get; init; }

    public long MinimumSpend { get; init; }

    public long MaxDiscount { get; init; } = long.MaxValue;

    public int MaxApplications { get; init; } = int.MaxValue;

    public int PercentOff { get; init; }

    public long SpecialPrice { get; init; }

    // Buy-X-get-Y and Nth-item share one shape: every GroupSize units, DiscountedPerGroup units get PercentOff.
    public int GroupSize { get; init; }

    public int DiscountedPerGroup { get; init; }

    public FreeUnitChoice FreeUnits { get; init; }

    public int BuyQuantity { get; init; }

    public int GiftSkuIndex { get; init; } = -1;

    public int GiftQuantity { get; init; }

    public long[] TierThresholds { get; init; } = [];

    public long[] TierAmounts { get; init; } = [];

    public bool RepeatTier { get; init; }

    public long AmountOff { get; init; }

    public int MaxRedemptions { get; init; } = int.MaxValue;

    // Order of application inside one order-level combination: 满减, then %, then fixed, coupons, member.
    public int Phase { get; init; }

    public AdjustmentKind AdjustmentKind { get; init; }

    public bool IsItemLevel => Kind <= PromotionKind.Gift;

    public bool RunsOn(SalesChannel channel) => ChannelMask == 0 || (ChannelMask & (1 << (int)channel)) != 0;

    public bool IsValidAt(DateTimeOffset instant) =>
        (ValidFrom is not { } from || instant >= from) && (ValidUntil is not { } until || instant < until);
}
