using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class FenMathTests
{
    [Theory]
    [InlineData(FenRounding.HalfUp, 25, 3)] // 2.5 → 3
    [InlineData(FenRounding.HalfEven, 25, 2)] // 2.5 → 2 (banker's)
    [InlineData(FenRounding.HalfEven, 35, 4)] // 3.5 → 4
    [InlineData(FenRounding.Floor, 29, 2)]
    [InlineData(FenRounding.Ceiling, 21, 3)]
    public void MulDiv_Midpoints_FollowTheRule(FenRounding rounding, long tenths, long expected) =>
        Assert.Equal(expected, FenMath.MulDiv(tenths, 1, 10, rounding));

    [Fact]
    public void MulDiv_HugeProduct_DoesNotOverflowBeforeDividing() =>
        Assert.Equal(1_000_000_000_000L * 9999 / 10_000, FenMath.MulDiv(1_000_000_000_000L, 9999, 10_000, FenRounding.Floor));

    [Theory]
    [InlineData(CashRoundingUnit.Jiao, CashRoundingMode.Floor, 12850)] // 抹分
    [InlineData(CashRoundingUnit.Yuan, CashRoundingMode.Floor, 12800)] // 抹角
    [InlineData(CashRoundingUnit.Jiao, CashRoundingMode.HalfUp, 12860)] // 四舍五入到角
    [InlineData(CashRoundingUnit.Yuan, CashRoundingMode.HalfUp, 12900)] // 四舍五入到元
    [InlineData(CashRoundingUnit.Jiao, CashRoundingMode.Ceiling, 12860)] // 见分进角
    [InlineData(CashRoundingUnit.Yuan, CashRoundingMode.Ceiling, 12900)] // 见角进元
    [InlineData(CashRoundingUnit.Fen, CashRoundingMode.Ceiling, 12856)]
    public void RoundToUnit_12856_MatchesTheReferenceTable(CashRoundingUnit unit, CashRoundingMode mode, long expected) =>
        Assert.Equal(expected, FenMath.RoundToUnit(12856, (long)unit, mode));
}
