namespace Ordering.Sdk.Devices.EscPos.Qr;

// Renders a symbol as 1-bit raster rows (most significant bit = leftmost dot, 1 = black): every module becomes a
// moduleSize x moduleSize square, surrounded by the light quiet zone the standard requires, and the picture is
// centred in its whole-byte row width so a printer's justification centres the symbol itself.
internal readonly struct QrRaster
{
    /// <summary>The light border every QR symbol needs, in modules.</summary>
    public const int QuietZoneModules = 4;

    private readonly QrSymbol _symbol;
    private readonly int _moduleSize;
    private readonly int _leftPadding;

    public QrRaster(QrSymbol symbol, int moduleSize)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleSize, 1);
        _symbol = symbol;
        _moduleSize = moduleSize;
        var dots = WidthDots(symbol.Size, moduleSize);
        BytesPerRow = (dots + 7) / 8;
        HeightDots = dots;
        _leftPadding = ((BytesPerRow * 8) - dots) / 2;
    }

    public int BytesPerRow { get; }

    public int HeightDots { get; }

    /// <summary>The side of the rendered picture, quiet zone included, in dots.</summary>
    public static int WidthDots(int symbolSize, int moduleSize) => checked((symbolSize + (2 * QuietZoneModules)) * moduleSize);

    /// <summary>
    /// The largest module size at which a <paramref name="payloadBytes"/>-byte symbol, quiet zone included, fits
    /// <paramref name="printableDots"/>; 0 when it fits at no size or the payload exceeds version 40.
    /// </summary>
    public static int LargestModuleSize(int payloadBytes, QrErrorCorrection level, int printableDots)
    {
        var version = QrCapacity.SmallestVersion(payloadBytes, level);
        return version == 0 ? 0 : printableDots / (QrCapacity.Size(version) + (2 * QuietZoneModules));
    }

    /// <summary>Gets a value indicating whether two picture rows show the same row of modules (and so are identical).</summary>
    public bool SameModuleRow(int row, int other) => row / _moduleSize == other / _moduleSize;

    /// <summary>Writes picture row <paramref name="row"/> into <paramref name="destination"/> (<see cref="BytesPerRow"/> bytes).</summary>
    public void RenderRow(int row, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, HeightDots);
        destination = destination[..BytesPerRow];
        destination.Clear();
        var y = (row / _moduleSize) - QuietZoneModules;
        if (y < 0 || y >= _symbol.Size)
        {
            return;
        }

        var dot = _leftPadding + (QuietZoneModules * _moduleSize);
        for (var x = 0; x < _symbol.Size; x++, dot += _moduleSize)
        {
            if (_symbol.IsDark(x, y))
            {
                SetDots(destination, dot, _moduleSize);
            }
        }
    }

    private static void SetDots(Span<byte> row, int first, int count)
    {
        for (var dot = first; dot < first + count; dot++)
        {
            row[dot >> 3] |= (byte)(0x80 >> (dot & 7));
        }
    }
}
