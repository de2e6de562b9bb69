namespace Ordering.Sdk.Pricing;

/// <summary>The 抹零 rule applied to the amount due, last, and recorded as its own adjustment.</summary>
public sealed class CashRounding
{
    /// <summary>Gets the unit to round to.</summary>
    /// <value>The default value is <see cref="CashRoundingUnit.Fen"/> (no 抹零).</value>
    public CashRoundingUnit Unit { get; init; } = CashRoundingUnit.Fen;

    /// <summary>Gets the direction.</summary>
    /// <value>The default value is <see cref="CashRoundingMode.Floor"/>.</value>
    public CashRoundingMode Mode { get; init; } = CashRoundingMode.Floor;
}
