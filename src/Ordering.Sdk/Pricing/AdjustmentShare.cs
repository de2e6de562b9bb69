namespace Ordering.Sdk.Pricing;

/// <summary>The part of an adjustment that falls on one line.</summary>
/// <param name="LineIndex">The index of the line in the request.</param>
/// <param name="Amount">The signed amount in minor units (negative for discounts).</param>
public readonly record struct AdjustmentShare(int LineIndex, long Amount);
