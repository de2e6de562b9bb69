namespace Ordering.Sdk.Pricing;

/// <summary>Runtime settings of a <see cref="PricingEngine"/>.</summary>
public sealed class PricingEngineOptions
{
    /// <summary>Gets or sets the clock used when a request has no <see cref="PricingContext.At"/>.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the store's time zone, in which time windows are read.</summary>
    /// <value>The default value is <c>Asia/Shanghai</c>.</value>
    public TimeZoneInfo StoreTimeZone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Gets or sets the most lines one order may have.</summary>
    /// <value>The default value is 500.</value>
    public int MaxLines { get; set; } = 500;

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (TimeProvider is null)
        {
            errors.Add($"{nameof(TimeProvider)}: is required.");
        }

        if (StoreTimeZone is null)
        {
            errors.Add($"{nameof(StoreTimeZone)}: is required.");
        }

        if (MaxLines is < 1 or > 10_000)
        {
            errors.Add($"{nameof(MaxLines)}: must be between 1 and 10000, was {MaxLines}.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(PricingEngineOptions), errors);
        }
    }
}
