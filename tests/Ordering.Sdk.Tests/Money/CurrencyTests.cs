namespace Ordering.Sdk.Tests;

public sealed class CurrencyTests
{
    [Fact]
    public void Create_Cny_EqualsDefault()
    {
        Assert.Equal(Currency.Cny, Currency.Create("CNY", 2));
        Assert.Equal(100, Currency.Cny.MinorUnitsPerMajor);
    }

    [Theory]
    [InlineData("cny")]
    [InlineData("CN")]
    [InlineData("CNYY")]
    [InlineData("C1Y")]
    public void Create_MalformedCode_NamesTheField(string code)
    {
        var ex = Assert.Throws<ArgumentException>(() => Currency.Create(code, 2));
        Assert.Equal("code", ex.ParamName);
    }

    [Fact]
    public void Create_TooManyDigits_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Currency.Create("BHD", 4));

    [Fact]
    public void TryFromCode_KnownAndUnknown()
    {
        Assert.True(Currency.TryFromCode("HKD", out var hkd));
        Assert.Equal(Currency.Hkd, hkd);
        Assert.False(Currency.TryFromCode("XYZ", out _));
        Assert.False(Currency.TryFromCode(null, out _));
    }

    [Fact]
    public void Equality_ComparesCodeAndDigits()
    {
        Assert.NotEqual(Currency.Usd, Currency.Hkd);
        Assert.NotEqual(Currency.Create("USD", 2), Currency.Create("USD", 3));
        Assert.True(Currency.Create("USD", 2) == Currency.Usd);
    }
}
