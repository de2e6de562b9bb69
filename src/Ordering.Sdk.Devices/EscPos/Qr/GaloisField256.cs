namespace Ordering.Sdk.Devices.EscPos.Qr;

// Arithmetic in GF(2^8) with the QR code's field polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and generator α = 2.
// Log/antilog tables turn every multiplication into two look-ups and an addition.
internal static class GaloisField256
{
    public const int Polynomial = 0x11D;

    // Exp is doubled (510 entries) so Log[a] + Log[b] never needs a modulo.
    private static readonly byte[] Exp = BuildExp();
    private static readonly byte[] Log = BuildLog(Exp);

    /// <summary>α^<paramref name="exponent"/>, for any non-negative exponent.</summary>
    public static byte Power(int exponent) => Exp[exponent % 255];

    /// <summary>The discrete logarithm of a non-zero element.</summary>
    public static int Logarithm(byte value)
    {
        if (value == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Zero has no logarithm in GF(256).");
        }

        return Log[value];
    }

    public static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    private static byte[] BuildExp()
    {
        var exp = new byte[510];
        var x = 1;
        for (var i = 0; i < 255; i++)
        {
            exp[i] = (byte)x;
            exp[i + 255] = (byte)x;
            x <<= 1;
            if (x > 0xFF)
            {
                x ^= Polynomial;
            }
        }

        return exp;
    }

    private static byte[] BuildLog(byte[] exp)
    {
        var log = new byte[256];
        for (var i = 0; i < 255; i++)
        {
            log[exp[i]] = (byte)i;
        }

        return log;
    }
}
