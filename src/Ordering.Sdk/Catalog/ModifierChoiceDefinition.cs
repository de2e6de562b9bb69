namespace Ordering.Sdk.Catalog;

/// <summary>One choice in a modifier group, for example 微辣 or 加蛋, with its add-on price.</summary>
public sealed class ModifierChoiceDefinition
{
    /// <summary>Gets the choice id, unique across the catalog.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the add-on price per unit of the item, in minor units; zero for free choices such as 少辣.</summary>
    public long Price { get; init; }

    /// <summary>Gets how many times the choice can be taken on one unit (加料 ×2).</summary>
    /// <value>The default value is 1.</value>
    public int MaxQuantity { get; init; } = 1;
}
