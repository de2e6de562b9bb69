using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>
/// A fee added in step 5 of the pipeline, after every discount, apportioned to lines by largest remainder
/// (per-item packaging goes straight to its lines). Fees are never discounted.
/// </summary>
public sealed record FeeDefinition
{
    /// <summary>Gets the fee id (the rule id in the adjustment ledger).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets what the fee charges.</summary>
    public required FeeKind Kind { get; init; }

    /// <summary>Gets the service charge rate in basis points (1000 = 10%).</summary>
    public int PercentBasisPoints { get; init; }

    /// <summary>Gets the fixed amount in minor units: per guest, per item, per order, or the minimum spend.</summary>
    public long Amount { get; init; }

    /// <summary>Gets the service charge base.</summary>
    /// <value>The default value is <see cref="ServiceChargeBase.PostDiscount"/>.</value>
    public ServiceChargeBase Base { get; init; } = ServiceChargeBase.PostDiscount;

    /// <summary>Gets the order types it applies to; empty means every type.</summary>
    public IReadOnlyList<OrderType> OrderTypes { get; init; } = [];

    /// <summary>Gets the table areas it applies to (for example <c>private-room</c>); empty means every area.</summary>
    public IReadOnlyList<string> Areas { get; init; } = [];

    /// <summary>Gets the item ids a per-item packaging fee or a service charge applies to.</summary>
    public IReadOnlyList<string> ItemIds { get; init; } = [];

    /// <summary>Gets the category ids a per-item packaging fee or a service charge applies to; both lists empty means every line.</summary>
    public IReadOnlyList<string> CategoryIds { get; init; } = [];

    /// <summary>Gets a value indicating whether the fee is taxed at the rate of the lines it is apportioned to.</summary>
    public bool Taxable { get; init; }

    /// <summary>Gets a value indicating whether fees computed before it count toward a minimum spend.</summary>
    public bool CountFeesTowardMinimum { get; init; }
}
