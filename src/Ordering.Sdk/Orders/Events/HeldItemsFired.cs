namespace Ordering.Sdk.Orders;

/// <summary>Held lines were released to cook (起菜).</summary>
public sealed record HeldItemsFired : OrderEvent
{
    /// <summary>Gets the lines.</summary>
    public required IReadOnlyList<string> LineIds { get; init; }
}
