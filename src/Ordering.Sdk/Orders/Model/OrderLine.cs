namespace Ordering.Sdk.Orders;

/// <summary>One line of an order as the history made it.</summary>
/// <param name="LineId">The line id, unique within the order (assigned by the SDK: L1, L2, …).</param>
/// <param name="Item">What was ordered.</param>
/// <param name="Round">The kitchen round (加菜 batch) the line belongs to; 0 while it sits in the cart.</param>
/// <param name="State">Where the line stands in the kitchen.</param>
public sealed record OrderLine(string LineId, OrderItemRequest Item, int Round, OrderLineState State)
{
    /// <summary>Gets the quantity still on the bill (ordered minus voided).</summary>
    public int Quantity { get; init; } = Item.Quantity;

    /// <summary>Gets the quantity voided (退菜) after firing.</summary>
    public int VoidedQuantity { get; init; }

    /// <summary>Gets a value indicating whether the line is comped (赠菜): on the ticket, not on the bill.</summary>
    public bool IsComped { get; init; }

    /// <summary>Gets why the line was comped, or <see langword="null"/>.</summary>
    public string? CompReason { get; init; }

    /// <summary>Gets who comped the line, or <see langword="null"/>.</summary>
    public string? CompedBy { get; init; }

    /// <summary>Gets how many times the table urged this line (催菜).</summary>
    public int UrgeCount { get; init; }

    /// <summary>Gets a value indicating whether the line still counts on the bill and in the kitchen.</summary>
    public bool IsActive => State != OrderLineState.Removed && Quantity > 0;
}
