namespace Ordering.Sdk.Devices.EscPos.Qr;

// How big each QR version is and how its codewords split into data and error correction (ISO/IEC 18004 tables 1 and 9),
// for byte-mode payloads.
internal static class QrCapacity
{
    public const int MinVersion = 1;
    public const int MaxVersion = 40;

    /// <summary>The side of the largest symbol, in modules (version 40).</summary>
    public const int MaxSize = 177;

    /// <summary>The largest total codeword count of any version (version 40).</summary>
    public const int MaxCodewords = 3706;

    /// <summary>The largest number of alignment-pattern centre coordinates on one axis (versions 35–40).</summary>
    public const int MaxAlignmentPositions = 7;

    // Indexed [level * 41 + version]; level order L, M, Q, H matches QrErrorCorrection. Index 0 of each row is unused.
    private static ReadOnlySpan<byte> EcCodewordsPerBlockTable =>
    [
        0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ];

    private static ReadOnlySpan<byte> BlockCountTable =>
    [
        0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
        0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
        0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
        0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
    ];

    public static int Size(int version) => 17 + (4 * version);

    public static int EcCodewordsPerBlock(int version, QrErrorCorrection level) => EcCodewordsPerBlockTable[Index(version, level)];

    public static int BlockCount(int version, QrErrorCorrection level) => BlockCountTable[Index(version, level)];

    /// <summary>Modules left for codewords once every function pattern (finders, timing, alignment, format and version info) is placed.</summary>
    public static int RawDataModules(int version)
    {
        CheckVersion(version);
        var modules = ((16 * version) + 128) * version + 64;
        if (version >= 2)
        {
            var alignments = (version / 7) + 2;
            modules -= ((25 * alignments) - 10) * alignments - 55;
            if (version >= 7)
            {
                modules -= 36;
            }
        }

        return modules;
    }

    /// <summary>All codewords of the version (the few remainder bits left over are not a codeword).</summary>
    public static int TotalCodewords(int version) => RawDataModules(version) / 8;

    public static int DataCodewords(int version, QrErrorCorrection level) =>
        TotalCodewords(version) - (EcCodewordsPerBlock(version, level) * BlockCount(version, level));

    /// <summary>Bits of the byte-mode character count: 8 up to version 9, 16 from version 10.</summary>
    public static int CharacterCountBits(int version) => version < 10 ? 8 : 16;

    /// <summary>The largest byte-mode payload of a version: mode indicator (4 bits) and count come first.</summary>
    public static int MaxPayloadBytes(int version, QrErrorCorrection level) =>
        ((DataCodewords(version, level) * 8) - 4 - CharacterCountBits(version)) / 8;

    /// <summary>The smallest version holding <paramref name="payloadBytes"/> bytes, or 0 when even version 40 is too small.</summary>
    public static int SmallestVersion(int payloadBytes, QrErrorCorrection level)
    {
        for (var version = MinVersion; version <= MaxVersion; version++)
        {
            if (payloadBytes <= MaxPayloadBytes(version, level))
            {
                return version;
            }
        }

        return 0;
    }

    /// <summary>Writes the alignment-pattern centre coordinates (shared by both axes) and returns how many there are (0 for version 1).</summary>
    public static int AlignmentPositions(int version, Span<int> positions)
    {
        CheckVersion(version);
        if (version == 1)
        {
            return 0;
        }

        // The first centre is always 6, the last size − 7; the ones between are evenly spaced by an even step
        // (rounded so the gap next to 6 takes the slack), except version 32 whose step the standard sets to 26.
        var count = (version / 7) + 2;
        var step = version == 32 ? 26 : (((version * 4) + (count * 2) + 1) / ((count * 2) - 2)) * 2;
        positions[0] = 6;
        for (int i = count - 1, position = Size(version) - 7; i >= 1; i--, position -= step)
        {
            positions[i] = position;
        }

        return count;
    }

    private static int Index(int version, QrErrorCorrection level)
    {
        CheckVersion(version);
        if ((uint)level > (uint)QrErrorCorrection.High)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown error-correction level.");
        }

        return ((int)level * 41) + version;
    }

    private static void CheckVersion(int version)
    {
        if (version is < MinVersion or > MaxVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "QR versions run from 1 to 40.");
        }
    }
}
