namespace Ordering.Sdk.Catalog;

/// <summary>A recurring window of local store time, for example weekday lunch 11:00–14:00.</summary>
/// <remarks>
/// <see cref="Start"/> is inclusive and <see cref="End"/> exclusive. When <see cref="End"/> is earlier than
/// <see cref="Start"/> the window runs past midnight (22:00–02:00); its day is the day it starts on.
/// Times are read in the store's time zone (<see cref="Pricing.PricingEngineOptions.StoreTimeZone"/>).
/// </remarks>
public sealed class TimeWindow
{
    /// <summary>Gets the days of the week the window opens on; empty means every day.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    /// <summary>Gets the local time the window opens (inclusive).</summary>
    public required TimeOnly Start { get; init; }

    /// <summary>Gets the local time the window closes (exclusive).</summary>
    public required TimeOnly End { get; init; }

    /// <summary>Tests whether a local date and time falls inside the window.</summary>
    /// <param name="localTime">The store-local date and time.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(DateTime localTime)
    {
        var time = TimeOnly.FromTimeSpan(localTime.TimeOfDay);
        if (Start <= End)
        {
            return time >= Start && time < End && OpensOn(localTime.DayOfWeek);
        }

        // Past midnight: the early-morning part belongs to the previous day's window.
        if (time >= Start)
        {
            return OpensOn(localTime.DayOfWeek);
        }

        return time < End && OpensOn(localTime.AddDays(-1).DayOfWeek);
    }

    private bool OpensOn(DayOfWeek day)
    {
        if (Days.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < Days.Count; i++)
        {
            if (Days[i] == day)
            {
                return true;
            }
        }

        return false;
    }
}
