namespace Ordering.Sdk.Devices.Layouts;

/// <summary>One item on a customer receipt.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class ReceiptLine
{
    private readonly string[] _modifiers;

    /// <summary>Initializes a receipt line.</summary>
    /// <param name="name">The item name.</param>
    /// <param name="quantity">The quantity; at least 1.</param>
    /// <param name="amount">The line amount before order-level adjustments (quantity × unit price incl. modifier surcharges).</param>
    /// <param name="modifiers">Modifier descriptions (做法, 加料), printed under the item; may be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is less than 1.</exception>
    public ReceiptLine(string name, int quantity, Money amount, IReadOnlyList<string>? modifiers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        Name = name;
        Quantity = quantity;
        Amount = amount;
        _modifiers = modifiers is null ? [] : [.. modifiers];
        Modifiers = Array.AsReadOnly(_modifiers);
    }

    /// <summary>Gets the item name.</summary>
    public string Name { get; }

    /// <summary>Gets the quantity.</summary>
    public int Quantity { get; }

    /// <summary>Gets the line amount.</summary>
    public Money Amount { get; }

    /// <summary>Gets the modifier descriptions.</summary>
    public IReadOnlyList<string> Modifiers { get; }

    // The same modifiers for the layout, without an interface call per modifier.
    internal ReadOnlySpan<string> ModifierSpan => _modifiers;
}
