namespace Ordering.Sdk.Orders;

/// <summary>The quantity of a line not yet fired was changed.</summary>
public sealed record ItemQuantityChanged : OrderEvent
{
    /// <summary>Gets the line.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets the new quantity.</summary>
    public required int Quantity { get; init; }
}
