namespace Ordering.Sdk.Pricing;

/// <summary>The amount a percentage service charge is computed on.</summary>
public enum ServiceChargeBase
{
    /// <summary>The eligible lines before any discount (Toast "pre-discount").</summary>
    PreDiscount,

    /// <summary>The eligible lines after item and order discounts (Toast "post-discount", Keruyun discountAfterCalcFlag).</summary>
    PostDiscount,
}
