namespace Ordering.Sdk.Payments;

/// <summary>How the engine talks to one channel and resolves its unknown outcomes.</summary>
/// <remarks>
/// Defaults follow the channels' own recovery guides: WeChat Pay code pay queries about every 5 s,
/// reverses no sooner than 15 s after the charge and gives up at 45 s; Alipay queries every 3–5 s and
/// cancels at about 60 s. Validated eagerly by <see cref="Validate"/> when the engine is built.
/// </remarks>
public sealed class ChannelPolicy
{
    /// <summary>Gets or sets how long one call may take before its outcome is treated as unknown.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the delay before the first query of an unknown or in-progress charge.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan FirstQueryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the interval between queries.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan QueryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long after the charge the engine may first close / reverse it.</summary>
    /// <value>The default value is 15 seconds (WeChat: never reverse sooner).</value>
    public TimeSpan EarliestCancel { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how long after the charge a code-pay attempt is given up and cancelled.</summary>
    /// <value>The default value is 45 seconds.</value>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Gets or sets how long a QR or JSAPI customer has to pay before the attempt is closed.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan CustomerActionTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the interval between cancel attempts that got no definitive answer.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan CancelRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the interval between queries of a refund that is processing or unknown.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan RefundQueryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how many times an idempotent call (query, cancel, refund) is retried at once; 0 disables.</summary>
    /// <value>The default value is 2.</value>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>Gets or sets the base delay of the exponential, jittered back-off between retries.</summary>
    /// <value>The default value is 200 milliseconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the share of the calls sent in the sampling window that must have failed to open the circuit (0 to 1).</summary>
    /// <remarks>
    /// Failures are counted against every call <em>sent</em> in the window, including those still waiting for an
    /// answer: in a lunch-peak burst the refused calls answer first, and judging only the answered ones would switch a
    /// healthy channel off. A failure is no answer, a transport error, or a gateway-unavailable / unknown answer
    /// (5xx, SYSTEMERROR, 20000); customer declines and configuration errors are answers and keep the circuit closed.
    /// </remarks>
    /// <value>The default value is 0.5.</value>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets how many calls must have been sent in the sampling window before the circuit may open.</summary>
    /// <value>The default value is 8.</value>
    public int BreakerMinimumThroughput { get; set; } = 8;

    /// <summary>Gets or sets the sampling window of the circuit breaker.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the circuit stays open (charges recommend another method meanwhile); then one probe call decides.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Creates the WeChat Pay code-pay policy: query ~5 s, reverse no sooner than 15 s, give up at 45 s.</summary>
    /// <returns>A new policy.</returns>
    public static ChannelPolicy WeChatPay() => new();

    /// <summary>Creates the Alipay barcode policy: query every 4 s (3–5 s), cancel at 60 s.</summary>
    /// <returns>A new policy.</returns>
    public static ChannelPolicy Alipay() => new()
    {
        FirstQueryDelay = TimeSpan.FromSeconds(3),
        QueryInterval = TimeSpan.FromSeconds(4),
        EarliestCancel = TimeSpan.Zero,
        GiveUpAfter = TimeSpan.FromSeconds(60),
    };

    /// <summary>Creates the policy of an in-store channel (cash, stored value): short timeouts, no waiting.</summary>
    /// <returns>A new policy.</returns>
    public static ChannelPolicy Local() => new()
    {
        CallTimeout = TimeSpan.FromSeconds(5),
        FirstQueryDelay = TimeSpan.FromSeconds(1),
        QueryInterval = TimeSpan.FromSeconds(1),
        EarliestCancel = TimeSpan.Zero,
        GiveUpAfter = TimeSpan.FromSeconds(5),
        CustomerActionTimeout = TimeSpan.FromSeconds(5),
        CancelRetryInterval = TimeSpan.FromSeconds(1),
        RefundQueryInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary>Creates the default policy for <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>A new policy.</returns>
    public static ChannelPolicy For(PaymentChannelId channel) => channel switch
    {
        PaymentChannelId.Alipay => Alipay(),
        PaymentChannelId.Cash or PaymentChannelId.StoredValue => Local(),
        _ => WeChatPay(),
    };

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="OptionsValidationException">One or more settings are invalid; the message names each field.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        Positive(errors, CallTimeout, nameof(CallTimeout));
        NotNegative(errors, FirstQueryDelay, nameof(FirstQueryDelay));
        Positive(errors, QueryInterval, nameof(QueryInterval));
        NotNegative(errors, EarliestCancel, nameof(EarliestCancel));
        Positive(errors, GiveUpAfter, nameof(GiveUpAfter));
        Positive(errors, CustomerActionTimeout, nameof(CustomerActionTimeout));
        Positive(errors, CancelRetryInterval, nameof(CancelRetryInterval));
        Positive(errors, RefundQueryInterval, nameof(RefundQueryInterval));
        NotNegative(errors, RetryBaseDelay, nameof(RetryBaseDelay));
        if (GiveUpAfter < EarliestCancel)
        {
            errors.Add($"{nameof(GiveUpAfter)}: must not be shorter than {nameof(EarliestCancel)} ({EarliestCancel}).");
        }

        if (MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add($"{nameof(MaxRetryAttempts)}: must be between 0 and 10.");
        }

        if (!(BreakerFailureRatio > 0 && BreakerFailureRatio <= 1))
        {
            errors.Add($"{nameof(BreakerFailureRatio)}: must be greater than 0 and at most 1.");
        }

        if (BreakerMinimumThroughput < 2)
        {
            errors.Add($"{nameof(BreakerMinimumThroughput)}: must be at least 2.");
        }

        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{nameof(BreakerSamplingDuration)}: must be at least 500 ms.");
        }

        if (BreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{nameof(BreakerBreakDuration)}: must be at least 500 ms.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(ChannelPolicy), errors);
        }
    }

    private static void Positive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{name}: must be positive, was {value}.");
        }
    }

    private static void NotNegative(List<string> errors, TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{name}: must not be negative, was {value}.");
        }
    }
}
