namespace Ordering.Sdk.Payments;

/// <summary>Options of <c>AddOrderingSdkPayments</c>: which built-in channels to offer and per-channel policies.</summary>
/// <remarks>Validated eagerly by <see cref="Validate"/> when the engine is registered.</remarks>
public sealed class PaymentsOptions
{
    private readonly Dictionary<PaymentChannelId, ChannelPolicy> _policies = [];

    /// <summary>Gets or sets a value indicating whether cash is offered (a <see cref="CashChannel"/> unless a cash <see cref="IPaymentChannel"/> is registered).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool EnableCash { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether stored value is offered (a <see cref="StoredValueChannel"/> over the registered <see cref="IStoredValueLedger"/> unless a stored value <see cref="IPaymentChannel"/> is registered).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool EnableStoredValue { get; set; } = true;

    /// <summary>Gets or sets the seed of the engine's random source (attempt ids, retry jitter); <see langword="null"/> seeds from the clock.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? RandomSeed { get; set; }

    /// <summary>Gets the policy overrides by channel; a channel without one gets <see cref="ChannelPolicy.For"/>.</summary>
    /// <remarks>An override for a channel that is not registered is an error when the engine is built (a typo would otherwise be silently ignored).</remarks>
    public IDictionary<PaymentChannelId, ChannelPolicy> ChannelPolicies => _policies;

    /// <summary>Adjusts one channel's policy, starting from its current override or its default.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="configure">Changes the policy.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public PaymentsOptions ConfigureChannel(PaymentChannelId channel, Action<ChannelPolicy> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (!_policies.TryGetValue(channel, out var policy))
        {
            policy = ChannelPolicy.For(channel);
            _policies[channel] = policy;
        }

        configure(policy);
        return this;
    }

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="OptionsValidationException">One or more settings are invalid; each failure names the channel and field.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        foreach (var (channel, policy) in _policies)
        {
            var name = $"{nameof(ChannelPolicies)}[{channel}]";
            if (channel == PaymentChannelId.Unknown || !Enum.IsDefined(channel))
            {
                errors.Add($"{name}: is not a payment channel.");
            }

            if (policy is null)
            {
                errors.Add($"{name}: the policy is null.");
                continue;
            }

            try
            {
                policy.Validate();
            }
            catch (OptionsValidationException invalid)
            {
                foreach (var failure in invalid.Failures)
                {
                    errors.Add(name + "." + failure);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(PaymentsOptions), errors);
        }
    }
}
