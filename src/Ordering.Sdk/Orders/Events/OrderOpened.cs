using Ordering.Sdk.Pricing;
namespace Ordering.Sdk.Orders;

/// <summary>An order was opened (for dine-in: the table was opened, 开台).</summary>
public sealed record OrderOpened : OrderEvent
{
    /// <summary>Gets the store the order belongs to.</summary>
    public required string StoreId { get; init; }

    /// <summary>Gets the order type.</summary>
    public required OrderType Type { get; init; }

    /// <summary>Gets the table, for dine-in orders.</summary>
    public string? TableId { get; init; }

    /// <summary>Gets the number of diners.</summary>
    public required int DinerCount { get; init; }

    /// <summary>Gets the pickup / call number for the business day.</summary>
    public required int OrderNumber { get; init; }
}
