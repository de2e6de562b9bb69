namespace Ordering.Sdk.Orders;

/// <summary>The order was cancelled before settlement.</summary>
public sealed record OrderCancelled : OrderEvent
{
    /// <summary>Gets why.</summary>
    public required string Reason { get; init; }
}
