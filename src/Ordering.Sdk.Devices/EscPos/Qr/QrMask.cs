namespace Ordering.Sdk.Devices.EscPos.Qr;

// The eight data-mask patterns: a module at (column x, row y) is inverted where the pattern's condition holds.
internal static class QrMask
{
    public const int Count = 8;

    public static bool Inverts(int mask, int x, int y) => mask switch
    {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => ((x / 3) + (y / 2)) % 2 == 0,
        5 => ((x * y) % 2) + ((x * y) % 3) == 0,
        6 => (((x * y) % 2) + ((x * y) % 3)) % 2 == 0,
        7 => (((x + y) % 2) + ((x * y) % 3)) % 2 == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(mask), mask, "QR masks are numbered 0 to 7."),
    };
}
