namespace Ordering.Sdk.Orders;

/// <summary>
/// Another table's order was merged into this one (并台). Its lines keep their kitchen state and get new
/// line ids here; its diners are added; the merged order is priced as one bill.
/// </summary>
public sealed record OrderMergedIn : OrderEvent
{
    /// <summary>Gets the order that was merged in.</summary>
    public required string SourceOrderId { get; init; }

    /// <summary>Gets the source's table, if any.</summary>
    public string? SourceTableId { get; init; }

    /// <summary>Gets the lines taken over, with their new ids and state.</summary>
    public required IReadOnlyList<OrderLine> Lines { get; init; }

    /// <summary>Gets the diners added.</summary>
    public required int DinerCount { get; init; }
}
