namespace Ordering.Sdk.Pricing;

/// <summary>Where tax is rounded.</summary>
public enum TaxCalculation
{
    /// <summary>Each line's tax is computed and rounded on its own.</summary>
    PerLine,

    /// <summary>Tax is computed and rounded once per rate on the sum of that rate's lines, then apportioned to them exactly.</summary>
    PerRate,
}
