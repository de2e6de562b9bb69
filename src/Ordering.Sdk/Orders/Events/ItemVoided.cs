namespace Ordering.Sdk.Orders;

/// <summary>Units of a fired line were taken back (退菜), with a reason.</summary>
public sealed record ItemVoided : OrderEvent
{
    /// <summary>Gets the line.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets how many units were voided.</summary>
    public required int Quantity { get; init; }

    /// <summary>Gets why (上错菜, 客人不要了, 等太久 …).</summary>
    public required string Reason { get; init; }
}
