namespace Ordering.Sdk.Orders;

/// <summary>The party moved to another table (转台).</summary>
public sealed record TableTransferred : OrderEvent
{
    /// <summary>Gets the table left.</summary>
    public required string FromTableId { get; init; }

    /// <summary>Gets the new table.</summary>
    public required string ToTableId { get; init; }
}
