namespace Ordering.Sdk.Orders;

/// <summary>This order was merged into another (并台); it is closed and its table freed.</summary>
public sealed record OrderMergedInto : OrderEvent
{
    /// <summary>Gets the order that took over the lines.</summary>
    public required string TargetOrderId { get; init; }
}
