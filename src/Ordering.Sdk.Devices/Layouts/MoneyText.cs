namespace Ordering.Sdk.Devices.Layouts;

// Minor units → "12.50" / "-0.05" with exactly the currency's digits, without decimal or double.
// Digits are written from the right with divisions by the constant 10 (a multiply), never by a variable
// power of ten: two 64-bit divisions per amount were most of what formatting a receipt's prices cost.
internal static class MoneyText
{
    public static bool TryFormat(long minorUnits, int minorDigits, Span<char> destination, out int written)
    {
        written = 0;
        var negative = minorUnits < 0;
        // Work on the magnitude as ulong so long.MinValue cannot overflow.
        var magnitude = negative ? (ulong)(-(minorUnits + 1)) + 1 : (ulong)minorUnits;
        var digits = 1;
        for (var rest = magnitude; rest >= 10; rest /= 10)
        {
            digits++;
        }

        var majorDigits = Math.Max(1, digits - minorDigits);
        var length = (negative ? 1 : 0) + majorDigits + (minorDigits > 0 ? 1 + minorDigits : 0);
        if (destination.Length < length)
        {
            return false;
        }

        var at = length;
        for (var i = 0; i < minorDigits; i++)
        {
            destination[--at] = (char)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }

        if (minorDigits > 0)
        {
            destination[--at] = '.';
        }

        do
        {
            destination[--at] = (char)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }
        while (magnitude != 0);

        if (negative)
        {
            destination[--at] = '-';
        }

        written = length;
        return true;
    }
}
