using System.Globalization;

namespace Ordering.Sdk.Devices.Layouts;

// Minor units → "12.50" / "-0.05" with exactly the currency's digits, without decimal or double.
internal static class MoneyText
{
    public static bool TryFormat(long minorUnits, int minorDigits, Span<char> destination, out int written)
    {
        written = 0;
        var divisor = 1L;
        for (var i = 0; i < minorDigits; i++)
        {
            divisor *= 10;
        }

        var negative = minorUnits < 0;
        // Work on the magnitude as ulong so long.MinValue cannot overflow.
        var magnitude = negative ? (ulong)(-(minorUnits + 1)) + 1 : (ulong)minorUnits;
        var major = magnitude / (ulong)divisor;
        var minor = magnitude % (ulong)divisor;
        var at = 0;
        if (negative)
        {
            if (destination.IsEmpty)
            {
                return false;
            }

            destination[at++] = '-';
        }

        if (!major.TryFormat(destination[at..], out var n, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        at += n;
        if (minorDigits > 0)
        {
            if (destination.Length < at + 1 + minorDigits)
            {
                return false;
            }

            destination[at++] = '.';
            for (var i = minorDigits - 1; i >= 0; i--)
            {
                destination[at + i] = (char)('0' + (int)(minor % 10));
                minor /= 10;
            }

            at += minorDigits;
        }

        written = at;
        return true;
    }
}
