namespace Ordering.Sdk.Catalog;

/// <summary>How an item is sold and priced.</summary>
public enum ItemKind
{
    /// <summary>Sold by the unit; each SKU (规格) has its own price.</summary>
    Standard,

    /// <summary>Weighed (称重): the SKU price is per <see cref="SkuDefinition.WeightUnitGrams"/> and the line carries a weight in grams.</summary>
    Weighed,

    /// <summary>A set meal (套餐): a fixed price plus the surcharges of the choices made in its combo groups.</summary>
    Combo,
}
