namespace Ordering.Sdk.Catalog;

/// <summary>A menu category (热菜, 凉菜, 酒水…), used by promotions, kitchen routing and reports.</summary>
public sealed class CategoryDefinition
{
    /// <summary>Gets the unique category id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required LocalizedText Name { get; init; }
}
