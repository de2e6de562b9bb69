namespace Ordering.Sdk.Catalog;

/// <summary>A choice group of a combo (套餐), for example 主食 任选1 or 小菜 任选2.</summary>
public sealed class ComboGroupDefinition
{
    /// <summary>Gets the group id, unique within its combo.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the least number of dishes to pick (counting quantities).</summary>
    /// <value>The default value is 1.</value>
    public int MinChoices { get; init; } = 1;

    /// <summary>Gets the most dishes to pick (counting quantities).</summary>
    /// <value>The default value is 1.</value>
    public int MaxChoices { get; init; } = 1;

    /// <summary>Gets the options.</summary>
    public required IReadOnlyList<ComboOptionDefinition> Options { get; init; }
}
