using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>A line of a <see cref="PriceSnapshot"/>; the same figures as <see cref="PricedLine"/>, frozen.</summary>
public sealed class SnapshotLine
{
    /// <summary>Gets the SKU id.</summary>
    public required string SkuId { get; init; }

    /// <summary>Gets the item id.</summary>
    public required string ItemId { get; init; }

    /// <summary>Gets the category id.</summary>
    public required string CategoryId { get; init; }

    /// <summary>Gets the item name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the diner or seat tag.</summary>
    public string? DinerTag { get; init; }

    /// <summary>Gets the quantity.</summary>
    public int Quantity { get; init; }

    /// <summary>Gets the weight in grams of a weighed line.</summary>
    public int WeightGrams { get; init; }

    /// <summary>Gets the list unit price.</summary>
    public long ListUnitPrice { get; init; }

    /// <summary>Gets the resolved unit price.</summary>
    public long UnitPrice { get; init; }

    /// <summary>Gets where the unit price came from.</summary>
    public PriceSource PriceSource { get; init; }

    /// <summary>Gets the add-ons per unit.</summary>
    public long AddOnsPerUnit { get; init; }

    /// <summary>Gets the gross amount.</summary>
    public long Gross { get; init; }

    /// <summary>Gets the item-level discounts.</summary>
    public long ItemDiscount { get; init; }

    /// <summary>Gets the share of order-level discounts.</summary>
    public long OrderDiscount { get; init; }

    /// <summary>Gets the share of fees.</summary>
    public long Fees { get; init; }

    /// <summary>Gets the tax rate id.</summary>
    public string? TaxRateId { get; init; }

    /// <summary>Gets the tax.</summary>
    public long Tax { get; init; }

    /// <summary>Gets the tax added on top.</summary>
    public long TaxAdded { get; init; }

    /// <summary>Gets the share of 抹零.</summary>
    public long Rounding { get; init; }

    /// <summary>Gets what the line cost the customer.</summary>
    public long Total { get; init; }
}
