using FsCheck.Xunit;

namespace Ordering.Sdk.Tests;


public sealed class MoneyTests
{
    [Fact]
    public void Default_IsZeroYuan()
    {
        var zero = default(Money);

        Assert.True(zero.IsZero);
        Assert.Equal("CNY", zero.Currency.Code);
        Assert.Equal(Money.Fen(0), zero);
    }

    [Fact]
    public void Add_Overflow_ThrowsInsteadOfWrapping()
    {
        Assert.Throws<OverflowException>(() => Money.Fen(long.MaxValue) + Money.Fen(1));
        Assert.Throws<OverflowException>(() => Money.Fen(long.MaxValue / 2) * 3);
        Assert.Throws<OverflowException>(() => -Money.Fen(long.MinValue));
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsCurrencyMismatch()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => Money.Fen(100) + new Money(100, Currency.Hkd));

        Assert.Equal("CNY", ex.Left.Code);
        Assert.Equal("HKD", ex.Right.Code);
    }

    [Theory]
    [InlineData("12.34", 1234)]
    [InlineData("0.01", 1)]
    [InlineData("-7", -700)]
    [InlineData("128.5", 12850)]
    public void FromMajorUnits_ExactYuan_ConvertsToFen(string yuan, long fen) =>
        Assert.Equal(Money.Fen(fen), Money.FromMajorUnits(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), Currency.Cny));

    [Fact]
    public void FromMajorUnits_FractionOfFen_IsRejectedWithReason()
    {
        var ex = Assert.Throws<ArgumentException>(() => Money.FromMajorUnits(0.001m, Currency.Cny));

        Assert.Equal("amount", ex.ParamName);
        Assert.Contains("decimal places", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromMajorUnits_Yen_HasNoMinorDigits()
    {
        Assert.Equal(new Money(500, Currency.Jpy), Money.FromMajorUnits(500m, Currency.Jpy));
        Assert.Throws<ArgumentException>(() => Money.FromMajorUnits(0.5m, Currency.Jpy));
    }

    [Fact]
    public void ToString_IsCultureInvariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal("CNY 1234.50", Money.Fen(123450).ToString());
            Assert.Equal("CNY -0.05", Money.Fen(-5).ToString());
            Assert.Equal("JPY 500", new Money(500, Currency.Jpy).ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void CompareTo_DifferentCurrencies_Throws() =>
        Assert.Throws<CurrencyMismatchException>(() => Money.Fen(1) < new Money(2, Currency.Usd));

    [Property]
    public bool Addition_IsCommutativeAndSubtractionUndoesIt(int a, int b)
    {
        var x = Money.Fen(a);
        var y = Money.Fen(b);
        return x + y == y + x && x + y - y == x;
    }

    [Property]
    public bool MajorUnits_RoundTripExactly(long fen) =>
        Money.FromMajorUnits(Money.Fen(fen).ToMajorUnits(), Currency.Cny) == Money.Fen(fen);

    [Property]
    public bool Ordering_AgreesWithMinorUnits(long a, long b) =>
        (Money.Fen(a) < Money.Fen(b)) == (a < b) && Money.Fen(a).CompareTo(Money.Fen(b)) == a.CompareTo(b);
}
