namespace Ordering.Sdk.Pricing;

/// <summary>The unit the amount due is rounded to by 抹零, in minor units.</summary>
public enum CashRoundingUnit
{
    /// <summary>No 抹零: the amount due stays exact to the fen.</summary>
    Fen = 1,

    /// <summary>Round to the jiao (0.10 元).</summary>
    Jiao = 10,

    /// <summary>Round to the yuan (1.00 元).</summary>
    Yuan = 100,
}
