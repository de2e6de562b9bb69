namespace Ordering.Sdk.Kitchen;

/// <summary>One dish on a kitchen ticket: what to make, how many, and how (做法).</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class KitchenTicketItem
{
    /// <summary>Initializes a ticket item.</summary>
    /// <param name="name">The dish name as the kitchen knows it, for example <c>宫保鸡丁</c>.</param>
    /// <param name="quantity">How many portions; at least 1.</param>
    /// <param name="modifiers">Preparation choices (做法, 加料), for example <c>微辣</c>; may be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is less than 1.</exception>
    public KitchenTicketItem(string name, int quantity, IReadOnlyList<string>? modifiers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        Name = name;
        Quantity = quantity;
        Modifiers = modifiers is null ? [] : [.. modifiers];
    }

    /// <summary>Gets the dish name.</summary>
    public string Name { get; }

    /// <summary>Gets the number of portions (always at least 1).</summary>
    public int Quantity { get; }

    /// <summary>Gets the preparation choices (做法, 加料), in the order the diner chose them.</summary>
    public IReadOnlyList<string> Modifiers { get; }

    /// <summary>Gets a free-text note for the cook, for example <c>不要香菜</c>.</summary>
    /// <value>The default value is <see langword="null"/> (no note).</value>
    public string? Note { get; init; }

    /// <summary>Gets the seat or diner the item is for, when the order records it.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Seat { get; init; }

    /// <summary>Gets the course the item belongs to (for example 凉菜, 热菜, 主食), when courses are used.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Course { get; init; }
}
