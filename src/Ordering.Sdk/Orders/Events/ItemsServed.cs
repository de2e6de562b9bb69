namespace Ordering.Sdk.Orders;

/// <summary>Lines reached the table (划菜).</summary>
public sealed record ItemsServed : OrderEvent
{
    /// <summary>Gets the lines.</summary>
    public required IReadOnlyList<string> LineIds { get; init; }
}
