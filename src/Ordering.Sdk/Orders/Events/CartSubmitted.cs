namespace Ordering.Sdk.Orders;

/// <summary>The shared cart was sent to the kitchen as a new round.</summary>
public sealed record CartSubmitted : OrderEvent
{
    /// <summary>Gets the lines that left the cart.</summary>
    public required IReadOnlyList<string> LineIds { get; init; }

    /// <summary>Gets the kitchen round number.</summary>
    public required int Round { get; init; }
}
