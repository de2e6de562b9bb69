namespace Ordering.Sdk.Orders;

/// <summary>A line was removed before the kitchen fired it.</summary>
public sealed record ItemRemoved : OrderEvent
{
    /// <summary>Gets the line.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets a value indicating whether the kitchen had seen the line (held), so it must be told.</summary>
    public required bool WasHeld { get; init; }
}
