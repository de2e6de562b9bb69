namespace Ordering.Sdk.Orders;

/// <summary>A batch of items was added (加菜). Fired or held batches form a kitchen round.</summary>
public sealed record ItemsAdded : OrderEvent
{
    /// <summary>Gets the new lines with their ids.</summary>
    public required IReadOnlyList<AddedLine> Lines { get; init; }

    /// <summary>Gets what was done with the batch.</summary>
    public required LineDisposition Disposition { get; init; }

    /// <summary>Gets the kitchen round number, or 0 for items kept in the cart.</summary>
    public required int Round { get; init; }
}

/// <summary>A line as added to the order.</summary>
/// <param name="LineId">The id the SDK assigned.</param>
/// <param name="Item">What was ordered.</param>
public sealed record AddedLine(string LineId, OrderItemRequest Item);
