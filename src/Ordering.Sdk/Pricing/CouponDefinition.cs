using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>
/// A coupon (优惠券) a diner presents by code: a fixed amount or a percentage off eligible lines, taking part
/// in the order-level best-deal search like any order promotion.
/// </summary>
/// <remarks>A presented coupon that cannot apply (unknown, outside its validity, used up, below its minimum
/// spend, no eligible items) makes pricing return an error naming the coupon, so the diner is told why.</remarks>
public sealed record CouponDefinition
{
    /// <summary>Gets the code the diner presents.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the fixed amount off in minor units; zero when <see cref="PercentOff"/> is used.</summary>
    public long AmountOff { get; init; }

    /// <summary>Gets the percentage off in basis points; zero when <see cref="AmountOff"/> is used.</summary>
    public int PercentOff { get; init; }

    /// <summary>Gets the least eligible amount the order must reach, in minor units.</summary>
    public long MinimumSpend { get; init; }

    /// <summary>Gets the first instant it is valid, or <see langword="null"/>.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Gets the instant it expires (exclusive), or <see langword="null"/>.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Gets the eligible category ids; empty (with <see cref="ItemIds"/> empty) means every discountable line.</summary>
    public IReadOnlyList<string> CategoryIds { get; init; } = [];

    /// <summary>Gets the eligible item ids.</summary>
    public IReadOnlyList<string> ItemIds { get; init; } = [];

    /// <summary>Gets the channels it is accepted on; empty means every channel.</summary>
    public IReadOnlyList<SalesChannel> Channels { get; init; } = [];

    /// <summary>Gets how many times the code may be redeemed in total, or <see langword="null"/> for no cap; the host says how often it was used.</summary>
    public int? MaxRedemptions { get; init; }

    /// <summary>Gets the exclusivity group, or <see langword="null"/>.</summary>
    public string? ExclusivityGroup { get; init; }

    /// <summary>Gets a value indicating whether it combines with other order promotions.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Stackable { get; init; } = true;

    /// <summary>Gets the priority; higher wins ties.</summary>
    public int Priority { get; init; }

    /// <summary>Gets the most it may take off, in minor units, or <see langword="null"/> for no cap.</summary>
    public long? MaxDiscount { get; init; }
}
