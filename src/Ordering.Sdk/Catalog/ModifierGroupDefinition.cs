namespace Ordering.Sdk.Catalog;

/// <summary>A group of modifiers (做法, 口味, 加料) with how many choices a diner must and may make.</summary>
public sealed class ModifierGroupDefinition
{
    /// <summary>Gets the group id, unique across the catalog.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the least number of choices (counting quantities); 1 or more makes the group required.</summary>
    public int MinChoices { get; init; }

    /// <summary>Gets the most choices allowed (counting quantities).</summary>
    /// <value>The default value is 1.</value>
    public int MaxChoices { get; init; } = 1;

    /// <summary>Gets the choices.</summary>
    public required IReadOnlyList<ModifierChoiceDefinition> Choices { get; init; }
}
