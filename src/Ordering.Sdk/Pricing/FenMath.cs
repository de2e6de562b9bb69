namespace Ordering.Sdk.Pricing;

// Exact integer arithmetic on minor units. Products are taken in Int128 so value × rate never overflows
// before the division; the quotient is checked back into a long.
internal static class FenMath
{
    public const int BasisPointsPerWhole = 10_000;

    // value × numerator ÷ denominator, rounded by mode. Requires value ≥ 0, numerator ≥ 0, denominator > 0.
    public static long MulDiv(long value, long numerator, long denominator, FenRounding mode)
    {
        if (value <= int.MaxValue && numerator <= int.MaxValue)
        {
            // The common case: the product fits a long, so skip the much slower Int128 division.
            var small = value * numerator;
            var q = small / denominator;
            return RoundQuotient(q, small - (q * denominator), denominator, mode);
        }

        var product = (Int128)value * numerator;
        var quotient = product / denominator;
        var remainder = product - (quotient * denominator);
        if (remainder != 0)
        {
            var twice = remainder * 2;
            var up = mode switch
            {
                FenRounding.HalfUp => twice >= denominator,
                FenRounding.HalfEven => twice > denominator || (twice == denominator && (quotient & 1) == 1),
                FenRounding.Ceiling => true,
                _ => false,
            };
            if (up)
            {
                quotient++;
            }
        }

        return checked((long)quotient);
    }

    private static long RoundQuotient(long quotient, long remainder, long denominator, FenRounding mode)
    {
        if (remainder == 0)
        {
            return quotient;
        }

        var twice = remainder * 2;
        var up = mode switch
        {
            FenRounding.HalfUp => twice >= denominator,
            FenRounding.HalfEven => twice > denominator || (twice == denominator && (quotient & 1) == 1),
            FenRounding.Ceiling => true,
            _ => false,
        };
        return up ? quotient + 1 : quotient;
    }

    // Rounds a non-negative amount to a multiple of unit.
    public static long RoundToUnit(long amount, long unit, CashRoundingMode mode)
    {
        var floor = amount / unit * unit;
        var remainder = amount - floor;
        if (remainder == 0)
        {
            return amount;
        }

        return mode switch
        {
            CashRoundingMode.Ceiling => checked(floor + unit),
            CashRoundingMode.HalfUp => remainder * 2 >= unit ? checked(floor + unit) : floor,
            _ => floor,
        };
    }
}
