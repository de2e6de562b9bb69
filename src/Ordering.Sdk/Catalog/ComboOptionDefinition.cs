namespace Ordering.Sdk.Catalog;

/// <summary>A dish a diner can pick inside a combo group, with its surcharge (加价).</summary>
public sealed class ComboOptionDefinition
{
    /// <summary>Gets the SKU of the dish; it must be a standard (not combo, not weighed) item of the catalog.</summary>
    public required string SkuId { get; init; }

    /// <summary>Gets the surcharge per combo unit in minor units; zero when included in the combo price.</summary>
    public long Surcharge { get; init; }

    /// <summary>Gets how many of this option one combo may contain.</summary>
    /// <value>The default value is 1.</value>
    public int MaxQuantity { get; init; } = 1;
}
