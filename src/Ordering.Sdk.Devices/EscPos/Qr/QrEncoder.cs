namespace Ordering.Sdk.Devices.EscPos.Qr;

// Encodes a byte-mode payload into a QR symbol: the smallest version that holds it, Reed–Solomon codewords placed in
// the grid, and of the eight masks the one with the lowest penalty score (or the one the caller forces).
internal static class QrEncoder
{
    /// <summary>Encodes <paramref name="payload"/> into <paramref name="symbol"/>, reusing its storage.</summary>
    /// <param name="payload">The bytes (UTF-8 text is fine: QR byte mode carries any bytes).</param>
    /// <param name="level">The error-correction level.</param>
    /// <param name="symbol">Receives the symbol.</param>
    /// <param name="forcedMask">A mask 0–7 to use instead of the best-scoring one, or −1.</param>
    /// <exception cref="ArgumentException">The payload is empty or too large for version 40 at this level.</exception>
    public static void Encode(ReadOnlySpan<byte> payload, QrErrorCorrection level, QrSymbol symbol, int forcedMask = -1)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (forcedMask is < -1 or >= QrMask.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(forcedMask), forcedMask, "QR masks are numbered 0 to 7 (−1 = choose).");
        }

        var version = SmallestVersion(payload, level);
        symbol.Reset(version, level);
        QrFunctionPatterns.Draw(symbol);

        var codewords = symbol.Codewords.AsSpan(0, QrCapacity.TotalCodewords(version));
        QrCodewords.Build(payload, version, level, symbol.DataCodewords, codewords);
        QrCodewordPlacement.Place(symbol, codewords);

        var mask = forcedMask;
        if (mask < 0)
        {
            var bestScore = int.MaxValue;
            for (var candidate = 0; candidate < QrMask.Count; candidate++)
            {
                ApplyMask(symbol, candidate);
                QrFunctionPatterns.DrawFormatBits(symbol, QrFormatInfo.Bits(level, candidate));
                var score = QrPenalty.Score(symbol);
                if (score < bestScore)
                {
                    bestScore = score;
                    mask = candidate;
                }

                ApplyMask(symbol, candidate); // masking is an XOR: applying it again undoes it
            }
        }

        ApplyMask(symbol, mask);
        QrFunctionPatterns.DrawFormatBits(symbol, QrFormatInfo.Bits(level, mask));
        symbol.Mask = mask;
    }

    /// <summary>The version <see cref="Encode"/> picks for a payload of <paramref name="payload"/>'s length.</summary>
    /// <exception cref="ArgumentException">The payload is empty or too large for version 40 at this level.</exception>
    public static int SmallestVersion(ReadOnlySpan<byte> payload, QrErrorCorrection level)
    {
        if (payload.IsEmpty)
        {
            throw new ArgumentException("A QR code needs at least one byte of payload.", nameof(payload));
        }

        var version = QrCapacity.SmallestVersion(payload.Length, level);
        if (version == 0)
        {
            throw new ArgumentException(
                $"The QR payload is {payload.Length} bytes; at error-correction level {level} a QR code (version 40) holds at most {QrCapacity.MaxPayloadBytes(QrCapacity.MaxVersion, level)}.",
                nameof(payload));
        }

        return version;
    }

    private static void ApplyMask(QrSymbol symbol, int mask)
    {
        var size = symbol.Size;
        var modules = symbol.Modules;
        var function = symbol.FunctionModules;
        for (int y = 0, i = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++, i++)
            {
                if (!function[i] && QrMask.Inverts(mask, x, y))
                {
                    modules[i] = !modules[i];
                }
            }
        }
    }
}
