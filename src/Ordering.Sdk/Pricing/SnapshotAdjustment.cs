using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>An entry of a <see cref="PriceSnapshot"/>'s adjustment ledger, with its per-line shares.</summary>
public sealed class SnapshotAdjustment
{
    /// <summary>Gets what the entry is.</summary>
    public required AdjustmentKind Kind { get; init; }

    /// <summary>Gets the rule id.</summary>
    public required string RuleId { get; init; }

    /// <summary>Gets the display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the signed amount.</summary>
    public long Amount { get; init; }

    /// <summary>Gets the reason of a manual entry.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the operator of a manual entry.</summary>
    public string? OperatorId { get; init; }

    /// <summary>Gets the per-line shares; they sum to <see cref="Amount"/>.</summary>
    public IReadOnlyList<AdjustmentShare> Shares { get; init; } = [];
}
