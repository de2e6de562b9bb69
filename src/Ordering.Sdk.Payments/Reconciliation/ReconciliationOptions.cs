namespace Ordering.Sdk.Payments;

/// <summary>Settings of the daily reconciliation (对账).</summary>
public sealed class ReconciliationOptions
{
    /// <summary>Gets or sets the UTC offset that defines a business day; China Standard Time (+08:00, no daylight saving) by default, as in the channels' bills.</summary>
    public TimeSpan DayOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Gets or sets how close to midnight a local event may be and still land in the neighbouring day's
    /// bill (our clock and the channel's differ by seconds). Such events are checked against that day's
    /// bill too, and left for later if it is not available yet.
    /// </summary>
    public TimeSpan BoundaryTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="OptionsValidationException">A setting is out of range.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (DayOffset < TimeSpan.FromHours(-14) || DayOffset > TimeSpan.FromHours(14) || DayOffset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            errors.Add($"{nameof(DayOffset)}: must be whole minutes between -14:00 and +14:00, was {DayOffset}.");
        }

        if (BoundaryTolerance < TimeSpan.Zero || BoundaryTolerance > TimeSpan.FromHours(1))
        {
            errors.Add($"{nameof(BoundaryTolerance)}: must be between 0 and 1 hour, was {BoundaryTolerance}.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(ReconciliationOptions), errors);
        }
    }
}
