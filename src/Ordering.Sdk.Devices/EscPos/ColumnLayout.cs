namespace Ordering.Sdk.Devices.EscPos;

/// <summary>
/// Widths (in columns at the current character size) of up to three columns of a row: the first is
/// left-aligned, the second and third right-aligned, with one space between columns.
/// </summary>
/// <remarks>A typical receipt line is <c>new ColumnLayout(30, 6, 10)</c> on 48 columns: name, quantity, amount.</remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public readonly struct ColumnLayout : IEquatable<ColumnLayout>
{
    /// <summary>Initializes a layout.</summary>
    /// <param name="first">Width of the left-aligned first column; at least 2.</param>
    /// <param name="second">Width of the right-aligned second column; 0 for none, otherwise at least 2.</param>
    /// <param name="third">Width of the right-aligned third column; 0 for none, otherwise at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">A width is below 2 (a Chinese character needs two columns), or the third is set without the second.</exception>
    public ColumnLayout(int first, int second = 0, int third = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 2);
        if (second is < 0 or 1)
        {
            throw new ArgumentOutOfRangeException(nameof(second), second, "A column must be 0 (absent) or at least 2 wide: a Chinese character needs two columns.");
        }

        if (third is < 0 or 1 || (third > 0 && second == 0))
        {
            throw new ArgumentOutOfRangeException(nameof(third), third, "The third column must be 0 (absent) or at least 2 wide, and needs a second column.");
        }

        First = first;
        Second = second;
        Third = third;
    }

    /// <summary>Gets the width of the left-aligned first column.</summary>
    public int First { get; }

    /// <summary>Gets the width of the right-aligned second column (0 when absent).</summary>
    public int Second { get; }

    /// <summary>Gets the width of the right-aligned third column (0 when absent).</summary>
    public int Third { get; }

    /// <summary>Gets the total width including the single-space gaps between columns.</summary>
    public int TotalWidth => First + (Second > 0 ? Second + 1 : 0) + (Third > 0 ? Third + 1 : 0);

    /// <summary>Compares two layouts.</summary>
    /// <param name="left">The first layout.</param>
    /// <param name="right">The second layout.</param>
    /// <returns><see langword="true"/> when all widths are equal.</returns>
    public static bool operator ==(ColumnLayout left, ColumnLayout right) => left.Equals(right);

    /// <summary>Compares two layouts.</summary>
    /// <param name="left">The first layout.</param>
    /// <param name="right">The second layout.</param>
    /// <returns><see langword="true"/> when any width differs.</returns>
    public static bool operator !=(ColumnLayout left, ColumnLayout right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ColumnLayout other) => First == other.First && Second == other.Second && Third == other.Third;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ColumnLayout other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(First, Second, Third);
}
