namespace Ordering.Sdk.Devices.EscPos.Qr;

// Draws everything in a symbol that is not data: finder patterns with their separators, timing patterns, alignment
// patterns, the dark module, and the format and version information areas.
internal static class QrFunctionPatterns
{
    public static void Draw(QrSymbol symbol)
    {
        var size = symbol.Size;
        for (var i = 0; i < size; i++)
        {
            symbol.SetFunction(6, i, i % 2 == 0);
            symbol.SetFunction(i, 6, i % 2 == 0);
        }

        DrawFinder(symbol, 3, 3);
        DrawFinder(symbol, size - 4, 3);
        DrawFinder(symbol, 3, size - 4);

        Span<int> positions = stackalloc int[QrCapacity.MaxAlignmentPositions];
        var count = QrCapacity.AlignmentPositions(symbol.Version, positions);
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < count; j++)
            {
                // The three corners already hold finder patterns.
                var onFinder = (i == 0 && j == 0) || (i == 0 && j == count - 1) || (i == count - 1 && j == 0);
                if (!onFinder)
                {
                    DrawAlignment(symbol, positions[i], positions[j]);
                }
            }
        }

        // Reserve the format areas now (the real bits come with the mask) and write the version information.
        DrawFormatBits(symbol, 0);
        if (symbol.Version >= 7)
        {
            DrawVersionBits(symbol);
        }
    }

    /// <summary>Writes both copies of the 15 format bits, and the always-dark module beside the lower-left copy.</summary>
    public static void DrawFormatBits(QrSymbol symbol, int bits)
    {
        var size = symbol.Size;
        static bool Bit(int value, int i) => ((value >> i) & 1) != 0;

        // Copy 1, around the top-left finder: bits 0–7 down column 8 (skipping the timing row), 8–14 along row 8.
        for (var i = 0; i <= 5; i++)
        {
            symbol.SetFunction(8, i, Bit(bits, i));
        }

        symbol.SetFunction(8, 7, Bit(bits, 6));
        symbol.SetFunction(8, 8, Bit(bits, 7));
        symbol.SetFunction(7, 8, Bit(bits, 8));
        for (var i = 9; i < 15; i++)
        {
            symbol.SetFunction(14 - i, 8, Bit(bits, i));
        }

        // Copy 2: bits 0–7 along row 8 from the right edge, bits 8–14 up column 8 at the bottom.
        for (var i = 0; i < 8; i++)
        {
            symbol.SetFunction(size - 1 - i, 8, Bit(bits, i));
        }

        for (var i = 8; i < 15; i++)
        {
            symbol.SetFunction(8, size - 15 + i, Bit(bits, i));
        }

        symbol.SetFunction(8, size - 8, true);
    }

    private static void DrawVersionBits(QrSymbol symbol)
    {
        var bits = QrVersionInfo.Bits(symbol.Version);
        var size = symbol.Size;
        for (var i = 0; i < 18; i++)
        {
            // A 6x3 block above the lower-left finder and its transpose left of the upper-right finder.
            var dark = ((bits >> i) & 1) != 0;
            var across = size - 11 + (i % 3);
            var along = i / 3;
            symbol.SetFunction(across, along, dark);
            symbol.SetFunction(along, across, dark);
        }
    }

    // A 7x7 finder centred on (cx, cy) with its one-module light separator, clipped at the symbol edge.
    private static void DrawFinder(QrSymbol symbol, int cx, int cy)
    {
        for (var dy = -4; dy <= 4; dy++)
        {
            for (var dx = -4; dx <= 4; dx++)
            {
                int x = cx + dx, y = cy + dy;
                if (x < 0 || y < 0 || x >= symbol.Size || y >= symbol.Size)
                {
                    continue;
                }

                var ring = Math.Max(Math.Abs(dx), Math.Abs(dy));
                symbol.SetFunction(x, y, ring != 2 && ring != 4);
            }
        }
    }

    // A 5x5 alignment pattern: dark centre, light ring, dark ring.
    private static void DrawAlignment(QrSymbol symbol, int cx, int cy)
    {
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++)
            {
                symbol.SetFunction(cx + dx, cy + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
            }
        }
    }
}
