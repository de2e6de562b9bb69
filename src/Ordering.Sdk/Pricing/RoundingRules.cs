namespace Ordering.Sdk.Pricing;

/// <summary>
/// The rounding of every intermediate amount the pipeline computes with a fraction of a fen. Each amount is
/// rounded once, where it is stored; apportioned shares never round (largest remainder keeps them exact).
/// </summary>
public sealed class RoundingRules
{
    /// <summary>Gets the rounding of percentage discounts (8.8折, 第二份半价, whole-order %, member %): the discount amount is rounded.</summary>
    /// <value>The default value is <see cref="FenRounding.HalfUp"/>.</value>
    public FenRounding Discount { get; init; } = FenRounding.HalfUp;

    /// <summary>Gets the rounding of a weighed line: price per unit weight × grams ÷ unit grams.</summary>
    /// <value>The default value is <see cref="FenRounding.HalfUp"/>.</value>
    public FenRounding WeighedAmount { get; init; } = FenRounding.HalfUp;

    /// <summary>Gets the rounding of a percentage service charge.</summary>
    /// <value>The default value is <see cref="FenRounding.HalfUp"/>.</value>
    public FenRounding ServiceCharge { get; init; } = FenRounding.HalfUp;

    /// <summary>Gets the rounding of tax, per line or per rate depending on <see cref="PricingPolicy.TaxCalculation"/>.</summary>
    /// <value>The default value is <see cref="FenRounding.HalfUp"/>.</value>
    public FenRounding Tax { get; init; } = FenRounding.HalfUp;

    /// <summary>Gets the rounding of a partial refund (k of n units of a line); the last refund of a line always takes exactly what is left.</summary>
    /// <value>The default value is <see cref="FenRounding.HalfUp"/>.</value>
    public FenRounding Refund { get; init; } = FenRounding.HalfUp;
}
