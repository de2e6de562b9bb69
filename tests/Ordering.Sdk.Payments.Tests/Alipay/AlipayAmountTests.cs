using FsCheck;
using FsCheck.Xunit;
using Ordering.Sdk.Payments.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

public sealed class AlipayAmountTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(1L, "0.01")]
    [InlineData(10L, "0.10")]
    [InlineData(980L, "9.80")]
    [InlineData(1990L, "19.90")]
    [InlineData(10_000_000_000L, "100000000.00")]
    public void ToYuan_Fen_FormatsTwoDecimals(long fen, string expected) => Assert.Equal(expected, AlipayAmount.ToYuan(fen));

    [Theory]
    [InlineData(-1L)]
    [InlineData(10_000_000_001L)]
    public void ToYuan_OutOfRange_Throws(long fen) => Assert.Throws<ArgumentOutOfRangeException>(() => AlipayAmount.ToYuan(fen));

    [Theory]
    [InlineData("0.03", 3L)]
    [InlineData("9.8", 980L)]
    [InlineData("19.90", 1990L)]
    [InlineData("100", 10000L)]
    [InlineData("0.1", 10L)]
    public void TryParseFen_Valid_IsExact(string yuan, long fen)
    {
        Assert.True(AlipayAmount.TryParseFen(yuan, out var parsed));
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1.234")]
    [InlineData("-1.00")]
    [InlineData("+1.00")]
    [InlineData("1e3")]
    [InlineData(" 1.00")]
    [InlineData("1,00")]
    [InlineData("01.00")]
    [InlineData("100000000.01")]
    [InlineData("1000000000")]
    [InlineData("１.00")]
    public void TryParseFen_Malformed_IsRejected(string yuan) => Assert.False(AlipayAmount.TryParseFen(yuan, out _));

    [Property]
    public void ToYuan_ThenParse_RoundTrips(NonNegativeInt seed)
    {
        var fen = (long)seed.Get * 7919 % (AlipayAmount.MaxFen + 1);

        Assert.True(AlipayAmount.TryParseFen(AlipayAmount.ToYuan(fen), out var back));
        Assert.Equal(fen, back);
    }
}
