namespace Ordering.Sdk.Catalog;

/// <summary>A SKU price that replaces the list price on one sales channel.</summary>
public sealed class ChannelPrice
{
    /// <summary>Gets the channel the price applies to.</summary>
    public required SalesChannel Channel { get; init; }

    /// <summary>Gets the price in minor units (fen).</summary>
    public required long Price { get; init; }
}
