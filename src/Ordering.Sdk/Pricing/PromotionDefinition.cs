using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>
/// An automatic promotion. Which properties matter depends on <see cref="Kind"/>; the rest are ignored.
/// Validated when the engine is created.
/// </summary>
/// <remarks>
/// Targets: a line is eligible when its item is discountable and it matches <see cref="ItemIds"/>,
/// <see cref="SkuIds"/> or <see cref="CategoryIds"/> (all three empty = every discountable line).
/// Stacking: an item-level promotion that is not <see cref="Stackable"/> claims the lines it discounts, so no
/// other non-stackable item promotion touches them (higher <see cref="Priority"/> goes first). An order-level
/// promotion that is not stackable is only ever applied alone; two promotions with the same
/// <see cref="ExclusivityGroup"/> are never applied together. Among the allowed order-level combinations the
/// engine applies the one saving the customer the most (see <see cref="PricingPolicy.MaxBestDealCandidates"/>).
/// </remarks>
public sealed record PromotionDefinition
{
    /// <summary>Gets the promotion id (the rule id in the adjustment ledger).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name printed on receipts.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets what the promotion does.</summary>
    public required PromotionKind Kind { get; init; }

    /// <summary>Gets the priority; higher goes first and wins ties.</summary>
    public int Priority { get; init; }

    /// <summary>Gets the exclusivity group, or <see langword="null"/>; at most one promotion per group applies.</summary>
    public string? ExclusivityGroup { get; init; }

    /// <summary>Gets a value indicating whether the promotion combines with others (see remarks).</summary>
    public bool Stackable { get; init; }

    /// <summary>Gets a value indicating whether lines already reduced by an item promotion are left out (特价菜不参与满减); order level only.</summary>
    public bool ExcludeDiscountedItems { get; init; }

    /// <summary>Gets the eligible item ids.</summary>
    public IReadOnlyList<string> ItemIds { get; init; } = [];

    /// <summary>Gets the eligible SKU ids.</summary>
    public IReadOnlyList<string> SkuIds { get; init; } = [];

    /// <summary>Gets the eligible category ids.</summary>
    public IReadOnlyList<string> CategoryIds { get; init; } = [];

    /// <summary>Gets the channels it runs on; empty means every channel.</summary>
    public IReadOnlyList<SalesChannel> Channels { get; init; } = [];

    /// <summary>Gets the recurring store-local time window it runs in, or <see langword="null"/> for all day.</summary>
    public TimeWindow? Window { get; init; }

    /// <summary>Gets the first instant it is valid, or <see langword="null"/>.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Gets the instant it stops being valid (exclusive), or <see langword="null"/>.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Gets a value indicating whether only members get it.</summary>
    public bool MembersOnly { get; init; }

    /// <summary>Gets the least eligible amount (after item promotions) the order must reach, in minor units.</summary>
    public long MinimumSpend { get; init; }

    /// <summary>Gets the most the promotion may take off one order, in minor units, or <see langword="null"/> for no cap.</summary>
    public long? MaxDiscount { get; init; }

    /// <summary>Gets how many times it may apply in one order (sets of buy-X-get-Y, Nth items, gifts, repeated 满减), or <see langword="null"/> for no cap.</summary>
    public int? MaxApplications { get; init; }

    /// <summary>Gets the percentage off in basis points (1200 = 12% off = 8.8折; 5000 = 半价).</summary>
    public int PercentOff { get; init; }

    /// <summary>Gets the special unit price in minor units (<see cref="PromotionKind.SpecialPrice"/>).</summary>
    public long SpecialPrice { get; init; }

    /// <summary>Gets N of an Nth-item promotion (2 for 第二份半价).</summary>
    public int NthItem { get; init; }

    /// <summary>Gets how many eligible units must be bought (buy X get Y; 买赠 by quantity).</summary>
    public int BuyQuantity { get; init; }

    /// <summary>Gets how many units are free per set (buy X get Y).</summary>
    public int GetQuantity { get; init; }

    /// <summary>Gets which units are discounted.</summary>
    /// <value>The default value is <see cref="FreeUnitChoice.CheapestFirst"/>.</value>
    public FreeUnitChoice FreeUnits { get; init; } = FreeUnitChoice.CheapestFirst;

    /// <summary>Gets the SKU given away (<see cref="PromotionKind.Gift"/>).</summary>
    public string? GiftSkuId { get; init; }

    /// <summary>Gets how many gift units each reached set gives.</summary>
    /// <value>The default value is 1.</value>
    public int GiftQuantity { get; init; } = 1;

    /// <summary>Gets the tiers of a 满减 promotion.</summary>
    public IReadOnlyList<SpendTier> Tiers { get; init; } = [];

    /// <summary>Gets a value indicating whether a one-tier 满减 repeats for every full threshold (每满100减20).</summary>
    public bool RepeatTier { get; init; }

    /// <summary>Gets the fixed amount off in minor units (<see cref="PromotionKind.AmountOff"/>).</summary>
    public long AmountOff { get; init; }
}
