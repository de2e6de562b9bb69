using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>
/// A priced line: its resolved prices and every share it carries, in minor units.
/// <c>Total = Gross − ItemDiscount − OrderDiscount + Fees + TaxAdded + Rounding</c>, never negative.
/// </summary>
public struct PricedLine
{
    /// <summary>Gets the SKU id.</summary>
    public string SkuId { readonly get; internal set; }

    /// <summary>Gets the item id.</summary>
    public string ItemId { readonly get; internal set; }

    /// <summary>Gets the category id.</summary>
    public string CategoryId { readonly get; internal set; }

    /// <summary>Gets the item name.</summary>
    public LocalizedText Name { readonly get; internal set; }

    /// <summary>Gets the diner or seat tag of the request line.</summary>
    public string? DinerTag { readonly get; internal set; }

    /// <summary>Gets the quantity (1 for a weighed line).</summary>
    public int Quantity { readonly get; internal set; }

    /// <summary>Gets the weight in grams of a weighed line, else zero.</summary>
    public int WeightGrams { readonly get; internal set; }

    /// <summary>Gets the SKU's list price.</summary>
    public long ListUnitPrice { readonly get; internal set; }

    /// <summary>Gets the resolved unit price (channel, time window, member or manual), per unit weight for a weighed line.</summary>
    public long UnitPrice { readonly get; internal set; }

    /// <summary>Gets where <see cref="UnitPrice"/> came from.</summary>
    public PriceSource PriceSource { readonly get; internal set; }

    /// <summary>Gets the modifier and combo surcharges per unit.</summary>
    public long AddOnsPerUnit { readonly get; internal set; }

    /// <summary>Gets the gross amount: (unit price + add-ons) × quantity, or the weighed amount + add-ons.</summary>
    public long Gross { readonly get; internal set; }

    /// <summary>Gets the item-level discounts on the line, as a positive amount.</summary>
    public long ItemDiscount { readonly get; internal set; }

    /// <summary>Gets the line's share of order-level discounts, as a positive amount.</summary>
    public long OrderDiscount { readonly get; internal set; }

    /// <summary>Gets the line's share of fees.</summary>
    public long Fees { readonly get; internal set; }

    /// <summary>Gets the id of the line's tax rate, or <see langword="null"/> when untaxed.</summary>
    public string? TaxRateId { readonly get; internal set; }

    /// <summary>Gets the tax of the line (included or added).</summary>
    public long Tax { readonly get; internal set; }

    /// <summary>Gets the tax added on top of the line (zero with inclusive tax).</summary>
    public long TaxAdded { readonly get; internal set; }

    /// <summary>Gets the line's share of 抹零.</summary>
    public long Rounding { readonly get; internal set; }

    /// <summary>Gets what the line costs the customer; the lines' totals sum to the amount due.</summary>
    public long Total { readonly get; internal set; }
}
