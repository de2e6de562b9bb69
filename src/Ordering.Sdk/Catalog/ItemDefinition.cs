namespace Ordering.Sdk.Catalog;

/// <summary>A menu item (菜品) with its SKUs, modifier groups, combo groups and ordering limits.</summary>
public sealed class ItemDefinition
{
    /// <summary>Gets the item id, unique across the catalog.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the id of the item's category.</summary>
    public required string CategoryId { get; init; }

    /// <summary>Gets how the item is sold.</summary>
    /// <value>The default value is <see cref="ItemKind.Standard"/>.</value>
    public ItemKind Kind { get; init; } = ItemKind.Standard;

    /// <summary>Gets the SKUs (规格); at least one.</summary>
    public required IReadOnlyList<SkuDefinition> Skus { get; init; }

    /// <summary>Gets the ids of the modifier groups offered with the item.</summary>
    public IReadOnlyList<string> ModifierGroupIds { get; init; } = [];

    /// <summary>Gets the choice groups of a combo; only for <see cref="ItemKind.Combo"/>.</summary>
    public IReadOnlyList<ComboGroupDefinition> ComboGroups { get; init; } = [];

    /// <summary>Gets the least quantity one line may order (起售).</summary>
    /// <value>The default value is 1.</value>
    public int MinQuantity { get; init; } = 1;

    /// <summary>Gets the step above the minimum (增售): a line may order MinQuantity + k × QuantityStep.</summary>
    /// <value>The default value is 1.</value>
    public int QuantityStep { get; init; } = 1;

    /// <summary>Gets the most one line may order.</summary>
    /// <value>The default value is 999.</value>
    public int MaxQuantity { get; init; } = 999;

    /// <summary>Gets the id of the tax rate, or <see langword="null"/> for the policy's default rate.</summary>
    public string? TaxRateId { get; init; }

    /// <summary>Gets a value indicating whether promotions and discounts may reduce the item (烟酒 are often excluded).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Discountable { get; init; } = true;
}
