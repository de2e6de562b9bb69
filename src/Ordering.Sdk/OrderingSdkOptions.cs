namespace Ordering.Sdk;

/// <summary>Store-wide settings of the Ordering SDK.</summary>
/// <remarks>Validated eagerly by <see cref="Validate"/>, which <c>AddOrderingSdk</c> calls at registration.</remarks>
public sealed class OrderingSdkOptions
{
    /// <summary>Gets or sets the currency every price of this store is in.</summary>
    /// <value>The default value is <see cref="Currency.Cny"/>.</value>
    public Currency Currency { get; set; } = Currency.Cny;

    /// <summary>Gets or sets the IANA time zone of the store, used for time-windowed prices and business days.</summary>
    /// <value>The default value is <c>Asia/Shanghai</c>.</value>
    public string StoreTimeZoneId { get; set; } = "Asia/Shanghai";

    /// <summary>Gets or sets the hour at which a business day starts (营业日切换), 0 to 23.</summary>
    /// <value>The default value is 4: sales between midnight and 04:00 belong to the previous day.</value>
    public int BusinessDayStartHour { get; set; } = 4;

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="OptionsValidationException">One or more settings are invalid; the message names each field and why.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(StoreTimeZoneId))
        {
            errors.Add($"{nameof(StoreTimeZoneId)}: is required (an IANA zone such as Asia/Shanghai).");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(StoreTimeZoneId, out _))
        {
            errors.Add($"{nameof(StoreTimeZoneId)}: '{StoreTimeZoneId}' is not a time zone known to this machine.");
        }

        if (BusinessDayStartHour is < 0 or > 23)
        {
            errors.Add($"{nameof(BusinessDayStartHour)}: must be between 0 and 23, was {BusinessDayStartHour}.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(OrderingSdkOptions), errors);
        }
    }
}
