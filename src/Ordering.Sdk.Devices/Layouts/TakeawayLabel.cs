namespace Ordering.Sdk.Devices.Layouts;

/// <summary>What a takeaway cup label shows: one label per item.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class TakeawayLabel
{
    /// <summary>Initializes a label.</summary>
    /// <param name="orderNumber">The pickup number (ASCII letters and digits also print as a barcode).</param>
    /// <param name="itemName">The item, for example <c>杨枝甘露</c>.</param>
    /// <param name="index">This label's position among the order's labels, from 1.</param>
    /// <param name="count">How many labels the order has.</param>
    /// <param name="createdAt">The order time printed on the label.</param>
    /// <exception cref="ArgumentException">A text is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not within 1..<paramref name="count"/>.</exception>
    public TakeawayLabel(string orderNumber, string itemName, int index, int count, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemName);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        OrderNumber = orderNumber;
        ItemName = itemName;
        Index = index;
        Count = count;
        CreatedAt = createdAt;
    }

    /// <summary>Gets the pickup number.</summary>
    public string OrderNumber { get; }

    /// <summary>Gets the item name.</summary>
    public string ItemName { get; }

    /// <summary>Gets this label's position (1-based).</summary>
    public int Index { get; }

    /// <summary>Gets the number of labels of the order.</summary>
    public int Count { get; }

    /// <summary>Gets the order time.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the modifiers (少冰, 七分糖 …).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> Modifiers { get; init; } = [];

    /// <summary>Gets the store name printed at the bottom.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? StoreName { get; init; }
}
