namespace Ordering.Sdk.Orders;

/// <summary>A line was given free (赠菜), with a reason.</summary>
public sealed record ItemComped : OrderEvent
{
    /// <summary>Gets the line.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets why.</summary>
    public required string Reason { get; init; }
}
