namespace Ordering.Sdk.Pricing;

/// <summary>Which units a buy-X-get-Y or Nth-item promotion discounts.</summary>
public enum FreeUnitChoice
{
    /// <summary>The cheapest eligible units (the usual rule, and the cheaper one for the shop).</summary>
    CheapestFirst,

    /// <summary>The most expensive eligible units.</summary>
    MostExpensiveFirst,
}
