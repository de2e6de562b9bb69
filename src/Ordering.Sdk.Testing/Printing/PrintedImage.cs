using Ordering.Sdk.Devices.EscPos;

namespace Ordering.Sdk.Testing.Printing;

/// <summary>
/// A 1-bit raster image as it came out of the virtual printer (GS v 0): consecutive bands of the same width with nothing
/// printed between them are joined into one picture, as they are on paper.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PrintedImage
{
    private readonly byte[] _rows;

    internal PrintedImage(byte[] rows, int bytesPerRow, int heightDots, int bands, TextAlignment alignment)
    {
        _rows = rows;
        BytesPerRow = bytesPerRow;
        HeightDots = heightDots;
        Bands = bands;
        Alignment = alignment;
    }

    /// <summary>Gets the width in dots (the image is sent in whole bytes, 8 dots each).</summary>
    public int WidthDots => BytesPerRow * 8;

    /// <summary>Gets the number of bytes per row.</summary>
    public int BytesPerRow { get; }

    /// <summary>Gets the height in dots.</summary>
    public int HeightDots { get; }

    /// <summary>Gets the number of GS v 0 bands the image was sent in.</summary>
    public int Bands { get; }

    /// <summary>Gets the justification in force when the image was printed (ESC a applies to raster images).</summary>
    public TextAlignment Alignment { get; }

    /// <summary>Gets a value indicating whether the dot at (<paramref name="x"/>, <paramref name="y"/>) is black.</summary>
    /// <param name="x">The column, 0 = left.</param>
    /// <param name="y">The row, 0 = top.</param>
    /// <returns><see langword="true"/> for a black dot.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The dot is outside the image.</exception>
    public bool IsBlack(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, WidthDots);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, HeightDots);
        return (_rows[(y * BytesPerRow) + (x >> 3)] & (0x80 >> (x & 7))) != 0;
    }

    /// <summary>Gets one row of packed dots (most significant bit = leftmost dot, 1 = black).</summary>
    /// <param name="y">The row, 0 = top.</param>
    /// <returns>The row's bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is outside the image.</exception>
    public ReadOnlySpan<byte> GetRow(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, HeightDots);
        return _rows.AsSpan(y * BytesPerRow, BytesPerRow);
    }
}
