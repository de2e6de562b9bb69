namespace Ordering.Sdk.Catalog;

/// <summary>A SKU price that applies inside a time window (午市套餐, happy hour), optionally on some channels only.</summary>
public sealed class TimeWindowPrice
{
    /// <summary>Gets the window, in store-local time.</summary>
    public required TimeWindow Window { get; init; }

    /// <summary>Gets the price in minor units (fen) inside the window.</summary>
    public required long Price { get; init; }

    /// <summary>Gets the channels the price applies to; empty means every channel.</summary>
    public IReadOnlyList<SalesChannel> Channels { get; init; } = [];
}
