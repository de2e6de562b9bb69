using System.Globalization;

namespace Ordering.Sdk.Payments.Alipay;

// Alipay amounts are yuan strings with at most two decimals. Converted digit by digit: no double, no rounding.
internal static class AlipayAmount
{
    // 100,000,000 yuan is Alipay's documented ceiling for one trade.
    public const long MaxFen = 10_000_000_000L;

    public static string ToYuan(long fen)
    {
        if (fen is < 0 or > MaxFen)
        {
            throw new ArgumentOutOfRangeException(nameof(fen), fen, "Alipay amounts are between 0 and 100000000.00 yuan.");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{fen / 100}.{fen % 100:D2}");
    }

    public static bool TryParseFen(ReadOnlySpan<char> yuan, out long fen)
    {
        fen = 0;
        var dot = yuan.IndexOf('.');
        var whole = dot < 0 ? yuan : yuan[..dot];
        var fraction = dot < 0 ? [] : yuan[(dot + 1)..];
        if (whole.Length is 0 or > 9 || (dot >= 0 && fraction.Length is 0 or > 2) || (whole.Length > 1 && whole[0] == '0'))
        {
            return false;
        }

        long value = 0;
        foreach (var c in whole)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        value *= 100;
        for (var i = 0; i < 2; i++)
        {
            var digit = 0;
            if (i < fraction.Length)
            {
                if (!char.IsAsciiDigit(fraction[i]))
                {
                    return false;
                }

                digit = fraction[i] - '0';
            }

            value += digit * (i == 0 ? 10 : 1);
        }

        if (value > MaxFen)
        {
            return false;
        }

        fen = value;
        return true;
    }

    public static long ParseFen(string? yuan, string field)
    {
        if (yuan is null || !TryParseFen(yuan, out var fen))
        {
            throw new AlipayProtocolException($"{field}: '{yuan}' is not a yuan amount with at most two decimals.");
        }

        return fen;
    }
}
