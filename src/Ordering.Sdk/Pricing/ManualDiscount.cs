namespace Ordering.Sdk.Pricing;

/// <summary>A discount a cashier gives by hand, on a line or on the order, always with a reason and an operator.</summary>
/// <remarks>Give either <see cref="PercentOff"/> or <see cref="AmountOff"/>. It is capped at what is left of
/// the amount it applies to, so it never makes a line negative.</remarks>
public sealed class ManualDiscount
{
    /// <summary>Gets the percentage off in basis points (1000 = 10% off = 9折), or zero.</summary>
    public int PercentOff { get; init; }

    /// <summary>Gets the amount off in minor units, or zero.</summary>
    public long AmountOff { get; init; }

    /// <summary>Gets why the discount was given (recorded in the ledger).</summary>
    public required string Reason { get; init; }

    /// <summary>Gets who gave it (recorded in the ledger).</summary>
    public required string OperatorId { get; init; }
}
