using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Ordering.Sdk.Devices.Layouts;

namespace Ordering.Sdk.Devices.Tests.Layouts;

public sealed class TextBuilderTests
{
    [Theory]
    [InlineData(2026, 11, 25, 12, 3, 8, "2026-11-25 12:03")] // the demo's receipt read "202611-25 12:03"
    [InlineData(2027, 1, 5, 9, 7, 0, "2027-01-05 09:07")]
    [InlineData(1999, 12, 31, 23, 59, -5, "1999-12-31 23:59")]
    [InlineData(2028, 2, 29, 0, 0, 14, "2028-02-29 00:00")]
    [InlineData(1, 1, 1, 0, 0, 0, "0001-01-01 00:00")]
    public void AppendTime_WithYear_PrintsYearMonthDayHourMinute(int year, int month, int day, int hour, int minute, int offsetHours, string expected)
    {
        var at = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

        Assert.Equal(expected, new TextBuilder(stackalloc char[32]).AppendTime(at, withYear: true).Text.ToString());
    }

    [Fact]
    public void AppendTime_AfterOtherText_KeepsEverySeparator()
    {
        var at = new DateTimeOffset(2026, 11, 25, 8, 5, 0, TimeSpan.FromHours(8));

        Assert.Equal("时间 2026-11-25 08:05 止", new TextBuilder(stackalloc char[32]).Append("时间 ").AppendTime(at, withYear: true).Append(" 止").Text.ToString());
    }

    [Fact]
    public void AppendTime_InTheStoreOffset_PrintsTheLocalDateNotUtc()
    {
        // 16:30 UTC on New Year's Eve is already 00:30 on 1 January in Chengdu.
        var utc = new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal("2027-01-01 00:30", new TextBuilder(stackalloc char[32]).AppendTime(utc.ToOffset(TimeSpan.FromHours(8)), withYear: true).Text.ToString());
    }

    [Property(MaxTest = 300)]
    public void AppendTime_AnyInstant_MatchesTheInvariantCustomFormat(DateTime local, bool withYear, sbyte offsetQuarterHours)
    {
        var offset = TimeSpan.FromMinutes(15 * (offsetQuarterHours % 57)); // within ±14 h
        var at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        var format = withYear ? "yyyy-MM-dd HH:mm" : "MM-dd HH:mm";

        Assert.Equal(at.ToString(format, CultureInfo.InvariantCulture), new TextBuilder(stackalloc char[32]).AppendTime(at, withYear).Text.ToString());
    }

    [Property(MaxTest = 200)]
    public void AppendTime_IntoAShortBuffer_PrintsAPrefixOfTheFullText(DateTime local, PositiveInt room)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(8));
        var full = at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var size = room.Get % (full.Length + 2);

        var text = new TextBuilder(new char[size]).AppendTime(at, withYear: true).Text.ToString();

        Assert.Equal(full[..Math.Min(size, full.Length)], text);
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-42L, "-42")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void Append_Number_PrintsInvariantDigits(long value, string expected) =>
        Assert.Equal("x" + expected, new TextBuilder(stackalloc char[32]).Append("x").Append(value).Text.ToString());

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(-5L, "-0.05")]
    [InlineData(123456789L, "1234567.89")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void AppendMoney_Fen_PrintsYuanWithTwoDecimals(long fen, string expected) =>
        Assert.Equal(expected, new TextBuilder(stackalloc char[32]).AppendMoney(Money.Fen(fen)).Text.ToString());

    [Property(MaxTest = 500)]
    public void MoneyText_AnyAmount_MatchesTheDecimalValueWithTheCurrencysDigits(long minorUnits, byte digitsSeed)
    {
        var digits = digitsSeed % 5;
        var scale = 1m;
        for (var i = 0; i < digits; i++)
        {
            scale *= 10;
        }

        var expected = (minorUnits / scale).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        Span<char> text = stackalloc char[32];

        Assert.True(MoneyText.TryFormat(minorUnits, digits, text, out var written));
        Assert.Equal(expected, text[..written].ToString());
        Assert.False(MoneyText.TryFormat(minorUnits, digits, text[..(written - 1)], out _));
    }

    [Property(MaxTest = 200)]
    public void AppendMoney_IntoAShortBuffer_PrintsAPrefixOfTheFullText(long fen, PositiveInt room)
    {
        var full = new TextBuilder(new char[32]).AppendMoney(Money.Fen(fen)).Text.ToString();
        var size = room.Get % (full.Length + 2);

        Assert.Equal(full[..Math.Min(size, full.Length)], new TextBuilder(new char[size]).AppendMoney(Money.Fen(fen)).Text.ToString());
    }
}
