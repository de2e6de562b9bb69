namespace Ordering.Sdk.Catalog;

/// <summary>One sellable variant (规格) of an item, for example 大份 or 小份, with its prices and stock.</summary>
public sealed class SkuDefinition
{
    /// <summary>Gets the SKU id, unique across the catalog; order lines name it.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name of the variant, for example 大份 / Large.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the list price in minor units (fen): per unit, or per <see cref="WeightUnitGrams"/> for a weighed item.</summary>
    public required long Price { get; init; }

    /// <summary>Gets the weight the price of a weighed item is quoted for, in grams.</summary>
    /// <value>The default value is 500 (one 斤). Ignored for items that are not weighed.</value>
    public int WeightUnitGrams { get; init; } = 500;

    /// <summary>Gets prices that replace the list price on particular channels.</summary>
    public IReadOnlyList<ChannelPrice> ChannelPrices { get; init; } = [];

    /// <summary>Gets prices that apply inside time windows; the first matching one wins over the channel price.</summary>
    public IReadOnlyList<TimeWindowPrice> TimePrices { get; init; } = [];

    /// <summary>Gets the member price in minor units, used for members when it is lower than the price otherwise resolved.</summary>
    public long? MemberPrice { get; init; }

    /// <summary>Gets a value indicating whether the SKU is sold out (估清).</summary>
    public bool SoldOut { get; init; }

    /// <summary>Gets how many units are left to sell today, or <see langword="null"/> when stock is not counted.</summary>
    public int? RemainingQuantity { get; init; }
}
