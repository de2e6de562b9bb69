using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Tests.Catalog;

public sealed class TimeWindowTests
{
    [Theory]
    [InlineData("2026-11-23 11:00", true)] // Monday, inclusive start
    [InlineData("2026-11-23 13:59", true)]
    [InlineData("2026-11-23 14:00", false)] // exclusive end
    [InlineData("2026-11-22 12:00", false)] // Sunday is not a lunch-set day
    public void Contains_WeekdayLunch_MatchesDaysAndBounds(string local, bool expected)
    {
        var window = new TimeWindow
        {
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            Start = new TimeOnly(11, 0),
            End = new TimeOnly(14, 0),
        };

        Assert.Equal(expected, window.Contains(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-11-27 23:00", true)] // Friday night
    [InlineData("2026-11-28 01:30", true)] // after midnight, still Friday's window
    [InlineData("2026-11-29 01:30", false)] // Sunday 01:30 belongs to Saturday's window, Saturday is not listed
    [InlineData("2026-11-28 02:00", false)]
    public void Contains_PastMidnight_BelongsToTheDayItOpened(string local, bool expected)
    {
        var window = new TimeWindow { Days = [DayOfWeek.Friday], Start = new TimeOnly(22, 0), End = new TimeOnly(2, 0) };

        Assert.Equal(expected, window.Contains(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
