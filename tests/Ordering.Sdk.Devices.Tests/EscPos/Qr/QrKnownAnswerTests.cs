using System.Text;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.EscPos.Qr;

namespace Ordering.Sdk.Devices.Tests.EscPos.Qr;

// Expected values come from published sources, not from this encoder: the generator polynomials and worked examples of
// public QR tutorials (thonky.com "HELLO WORLD" 1-M and 1-Q; quaxio.com "An artisanal QR code", the byte-mode
// "PagedOut!" 1-M), the format and version information tables of ISO/IEC 18004 Annex C and D, and its capacity table.
public sealed class QrKnownAnswerTests
{
    [Fact]
    public void Power_FirstPowersOfTwo_FoldByTheFieldPolynomial()
    {
        // α^8 = 0x11D ^ 0x100 = 29; α^25 = 3; α^255 = α^0 = 1.
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 29, 58], Enumerable.Range(0, 10).Select(GaloisField256.Power).Select(b => (int)b));
        Assert.Equal(3, GaloisField256.Power(25));
        Assert.Equal(1, GaloisField256.Power(255));
        Assert.Equal(25, GaloisField256.Logarithm(3));
    }

    [Fact]
    public void BuildGenerator_Degree7_MatchesThePublishedExponents()
    {
        // g(x) = α^0 x^7 + α^87 x^6 + α^229 x^5 + α^146 x^4 + α^149 x^3 + α^238 x^2 + α^102 x + α^21
        AssertGeneratorExponents(7, [0, 87, 229, 146, 149, 238, 102, 21]);
    }

    [Fact]
    public void BuildGenerator_Degree10_MatchesThePublishedCoefficients()
    {
        Span<byte> generator = stackalloc byte[11];
        ReedSolomon.BuildGenerator(10, generator);
        Assert.Equal([1, 216, 194, 159, 111, 199, 94, 95, 113, 157, 193], generator.ToArray().Select(b => (int)b));
        AssertGeneratorExponents(10, [0, 251, 67, 46, 61, 118, 70, 64, 94, 32, 45]);
    }

    [Fact]
    public void BuildGenerator_Degree13_MatchesThePublishedExponents() =>
        AssertGeneratorExponents(13, [0, 74, 152, 176, 100, 86, 100, 106, 104, 130, 218, 206, 140, 78]);

    [Fact]
    public void ComputeRemainder_HelloWorld1M_GivesThePublishedEcCodewords() =>
        AssertEc([32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17], [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);

    [Fact]
    public void ComputeRemainder_HelloWorld1Q_GivesThePublishedEcCodewords() =>
        AssertEc([32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236], [168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16]);

    [Fact]
    public void Build_PagedOut1M_GivesThePublishedByteModeDataCodewords()
    {
        var payload = Encoding.ASCII.GetBytes("PagedOut!");
        Assert.Equal(1, QrEncoder.SmallestVersion(payload, QrErrorCorrection.Medium));
        var codewords = new byte[26];
        QrCodewords.Build(payload, 1, QrErrorCorrection.Medium, new byte[16], codewords);

        byte[] data = [64, 149, 6, 22, 118, 86, 68, 247, 87, 66, 16, 236, 17, 236, 17, 236];
        Assert.Equal(data, codewords[..16]);

        // One block: the EC codewords follow the data unchanged; their first quotient term (64) is the published first step.
        Span<byte> generator = stackalloc byte[11];
        ReedSolomon.BuildGenerator(10, generator);
        var ec = new byte[10];
        ReedSolomon.ComputeRemainder(data, generator, ec);
        Assert.Equal(ec, codewords[16..]);
        Assert.Equal([64, 4, 202, 20, 194, 151, 30, 94, 17, 148, 10], generator.ToArray().Select(g => (int)GaloisField256.Multiply(g, 64)));
    }

    [Theory]
    [InlineData(QrErrorCorrection.Low, "111011111000100 111001011110011 111110110101010 111100010011101 110011000101111 110001100011000 110110001000001 110100101110110")]
    [InlineData(QrErrorCorrection.Medium, "101010000010010 101000100100101 101111001111100 101101101001011 100010111111001 100000011001110 100111110010111 100101010100000")]
    [InlineData(QrErrorCorrection.Quartile, "011010101011111 011000001101000 011111100110001 011101000000110 010010010110100 010000110000011 010111011011010 010101111101101")]
    [InlineData(QrErrorCorrection.High, "001011010001001 001001110111110 001110011100111 001100111010000 000011101100010 000001001010101 000110100001100 000100000111011")]
    public void FormatInfoBits_EveryMask_MatchesTheStandardTable(QrErrorCorrection level, string bitStrings)
    {
        var expected = bitStrings.Split(' ');
        for (var mask = 0; mask < 8; mask++)
        {
            Assert.Equal(expected[mask], Convert.ToString(QrFormatInfo.Bits(level, mask), 2).PadLeft(15, '0'));
        }
    }

    [Theory]
    [InlineData(7, 0x07C94)]
    [InlineData(8, 0x085BC)]
    [InlineData(9, 0x09A99)]
    [InlineData(10, 0x0A4D3)]
    [InlineData(40, 0x28C69)]
    public void VersionInfoBits_MatchTheStandardTable(int version, int expected) =>
        Assert.Equal(expected, QrVersionInfo.Bits(version));

    [Theory]
    [InlineData(1, 17, 14, 11, 7)]
    [InlineData(2, 32, 26, 20, 14)]
    [InlineData(7, 154, 122, 86, 64)]
    [InlineData(10, 271, 213, 151, 119)]
    [InlineData(40, 2953, 2331, 1663, 1273)]
    public void MaxPayloadBytes_MatchesTheStandardByteModeCapacities(int version, int low, int medium, int quartile, int high)
    {
        Assert.Equal(low, QrCapacity.MaxPayloadBytes(version, QrErrorCorrection.Low));
        Assert.Equal(medium, QrCapacity.MaxPayloadBytes(version, QrErrorCorrection.Medium));
        Assert.Equal(quartile, QrCapacity.MaxPayloadBytes(version, QrErrorCorrection.Quartile));
        Assert.Equal(high, QrCapacity.MaxPayloadBytes(version, QrErrorCorrection.High));
    }

    [Theory]
    [InlineData(1, 26)]
    [InlineData(7, 196)]
    [InlineData(10, 346)]
    [InlineData(40, 3706)]
    public void TotalCodewords_MatchesTheStandard(int version, int expected) => Assert.Equal(expected, QrCapacity.TotalCodewords(version));

    [Theory]
    [InlineData(1, "")]
    [InlineData(2, "6 18")]
    [InlineData(7, "6 22 38")]
    [InlineData(10, "6 28 50")]
    [InlineData(32, "6 34 60 86 112 138")]
    [InlineData(40, "6 30 58 86 114 142 170")]
    public void AlignmentPositions_MatchTheStandardTable(int version, string expected)
    {
        Span<int> positions = stackalloc int[QrCapacity.MaxAlignmentPositions];
        var count = QrCapacity.AlignmentPositions(version, positions);
        Assert.Equal(expected, string.Join(' ', positions[..count].ToArray()));
    }

    [Fact]
    public void SmallestVersion_TooLargeForVersion40_ExplainsTheLimit()
    {
        var error = Assert.Throws<ArgumentException>(() => QrEncoder.SmallestVersion(new byte[2332], QrErrorCorrection.Medium));
        Assert.Equal("payload", error.ParamName);
        Assert.Contains("2331", error.Message, StringComparison.Ordinal);
        Assert.Equal(40, QrEncoder.SmallestVersion(new byte[2331], QrErrorCorrection.Medium));
    }

    private static void AssertGeneratorExponents(int degree, int[] exponents)
    {
        Span<byte> generator = stackalloc byte[degree + 1];
        ReedSolomon.BuildGenerator(degree, generator);
        Assert.Equal(exponents, generator.ToArray().Select(GaloisField256.Logarithm));
    }

    private static void AssertEc(byte[] data, int[] expected)
    {
        Span<byte> generator = stackalloc byte[expected.Length + 1];
        ReedSolomon.BuildGenerator(expected.Length, generator);
        var ec = new byte[expected.Length];
        ReedSolomon.ComputeRemainder(data, generator, ec);
        Assert.Equal(expected, ec.Select(b => (int)b));
    }
}
