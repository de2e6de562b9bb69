namespace Ordering.Sdk.Orders;

/// <summary>The table urged lines (催菜).</summary>
public sealed record ItemsUrged : OrderEvent
{
    /// <summary>Gets the lines.</summary>
    public required IReadOnlyList<string> LineIds { get; init; }
}
