namespace Ordering.Sdk.Orders;

/// <summary>The bill was split into parts that sum exactly to the amount due.</summary>
public sealed record BillSplit : OrderEvent
{
    /// <summary>Gets how it was split.</summary>
    public required SplitMode Mode { get; init; }

    /// <summary>Gets the parts.</summary>
    public required IReadOnlyList<BillPart> Parts { get; init; }
}
