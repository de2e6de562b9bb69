namespace Ordering.Sdk.Pricing;

/// <summary>Where a line's unit price came from (step 1).</summary>
public enum PriceSource
{
    /// <summary>The SKU's list price.</summary>
    List,

    /// <summary>The channel price.</summary>
    Channel,

    /// <summary>A time-window price.</summary>
    TimeWindow,

    /// <summary>The member price.</summary>
    Member,

    /// <summary>A manual override (改价).</summary>
    Manual,
}
