namespace Ordering.Sdk.Devices.EscPos.Qr;

// The 18-bit version information carried by versions 7 and up: the 6-bit version number protected by a BCH(18,6) code
// (generator 0x1F25).
internal static class QrVersionInfo
{
    private const int Generator = 0x1F25;

    public static int Bits(int version)
    {
        if (version is < 7 or > QrCapacity.MaxVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Only versions 7 to 40 carry version information.");
        }

        var remainder = version;
        for (var i = 0; i < 12; i++)
        {
            remainder = (remainder << 1) ^ ((remainder >> 11) * Generator);
        }

        return (version << 12) | remainder;
    }
}
