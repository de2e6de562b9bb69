namespace Ordering.Sdk.Devices.EscPos.Qr;

// The 15-bit format information: 2 bits of error-correction level and 3 bits of mask, protected by a BCH(15,5) code
// (generator 0x537) and XORed with 0x5412 so that it is never all zero.
internal static class QrFormatInfo
{
    private const int Generator = 0x537;
    private const int XorMask = 0x5412;

    public static int Bits(QrErrorCorrection level, int mask)
    {
        if ((uint)mask > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(mask), mask, "QR masks are numbered 0 to 7.");
        }

        var data = (LevelIndicator(level) << 3) | mask;
        var remainder = data;
        for (var i = 0; i < 10; i++)
        {
            remainder = (remainder << 1) ^ ((remainder >> 9) * Generator);
        }

        return ((data << 10) | remainder) ^ XorMask;
    }

    // The level's 2-bit indicator is not its order: L = 01, M = 00, Q = 11, H = 10.
    private static int LevelIndicator(QrErrorCorrection level) => level switch
    {
        QrErrorCorrection.Low => 1,
        QrErrorCorrection.Medium => 0,
        QrErrorCorrection.Quartile => 3,
        QrErrorCorrection.High => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown error-correction level."),
    };
}
