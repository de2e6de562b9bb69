namespace Ordering.Sdk.Pricing;

/// <summary>One tier of a 满减 promotion: spend at least <see cref="Threshold"/>, get <see cref="AmountOff"/> off.</summary>
public sealed class SpendTier
{
    /// <summary>Gets the eligible amount (after item promotions) that reaches the tier, in minor units.</summary>
    public required long Threshold { get; init; }

    /// <summary>Gets the amount off in minor units.</summary>
    public required long AmountOff { get; init; }
}
