namespace Ordering.Sdk.Devices.EscPos.Qr;

// Systematic Reed–Solomon error-correction codewords as QR codes use them: the generator polynomial is
// (x − α^0)(x − α^1)…(x − α^(n−1)) over GF(256), and the EC codewords are the remainder of data·x^n divided by it.
internal static class ReedSolomon
{
    /// <summary>The largest number of EC codewords per block any QR version uses.</summary>
    public const int MaxDegree = 30;

    /// <summary>
    /// Writes the <paramref name="degree"/> + 1 coefficients of the generator polynomial, highest power first
    /// (<c>generator[0]</c> is always 1).
    /// </summary>
    public static void BuildGenerator(int degree, Span<byte> generator)
    {
        if (degree is < 1 or > MaxDegree)
        {
            throw new ArgumentOutOfRangeException(nameof(degree), degree, "QR codes use 1 to 30 EC codewords per block.");
        }

        if (generator.Length < degree + 1)
        {
            throw new ArgumentException("The generator needs degree + 1 coefficients.", nameof(generator));
        }

        generator = generator[..(degree + 1)];
        generator.Clear();
        generator[0] = 1;
        for (var root = 0; root < degree; root++)
        {
            // Multiply the current polynomial (root + 1 coefficients) by (x + α^root); subtraction is XOR in GF(2^8).
            var factor = GaloisField256.Power(root);
            for (var i = root + 1; i >= 1; i--)
            {
                generator[i] ^= GaloisField256.Multiply(generator[i - 1], factor);
            }
        }
    }

    /// <summary>Writes the EC codewords of <paramref name="data"/> for <paramref name="generator"/> (from <see cref="BuildGenerator"/>).</summary>
    public static void ComputeRemainder(ReadOnlySpan<byte> data, ReadOnlySpan<byte> generator, Span<byte> remainder)
    {
        var degree = generator.Length - 1;
        if (remainder.Length != degree)
        {
            throw new ArgumentException("The remainder has one codeword per degree of the generator.", nameof(remainder));
        }

        remainder.Clear();
        foreach (var codeword in data)
        {
            // Long division, one data codeword at a time: the leading term cancels, the rest shifts up.
            var factor = (byte)(codeword ^ remainder[0]);
            remainder[1..].CopyTo(remainder);
            remainder[degree - 1] = 0;
            if (factor == 0)
            {
                continue;
            }

            for (var i = 0; i < degree; i++)
            {
                remainder[i] ^= GaloisField256.Multiply(generator[i + 1], factor);
            }
        }
    }
}
