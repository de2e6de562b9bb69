namespace Ordering.Sdk.Catalog;

/// <summary>
/// The menu as data: categories, items and modifier groups. Serializable with
/// <see cref="Serialization.PricingJsonContext"/>; compiled and validated by <see cref="MenuCatalog.Create"/>.
/// </summary>
public sealed class CatalogDefinition
{
    /// <summary>Gets the ISO 4217 code of the currency every price is in.</summary>
    /// <value>The default value is <c>CNY</c>.</value>
    public string CurrencyCode { get; init; } = "CNY";

    /// <summary>Gets the categories.</summary>
    public IReadOnlyList<CategoryDefinition> Categories { get; init; } = [];

    /// <summary>Gets the modifier groups items can refer to.</summary>
    public IReadOnlyList<ModifierGroupDefinition> ModifierGroups { get; init; } = [];

    /// <summary>Gets the items.</summary>
    public IReadOnlyList<ItemDefinition> Items { get; init; } = [];
}
