namespace Ordering.Sdk.Payments;

/// <summary>Builds a <see cref="IPaymentEngine"/>: channels with their policies, the journal, the clock and the random source.</summary>
/// <remarks>
/// <see cref="BuildAsync"/> validates every option, reads the journal back and schedules every attempt and
/// refund that is not final, so a restarted process picks up where it stopped. A builder builds once.
/// </remarks>
public sealed class PaymentEngineBuilder
{
    private readonly List<(IPaymentChannel Channel, ChannelPolicy Policy)> _channels = [];
    private IPaymentJournal? _journal;
    private TimeProvider _timeProvider = TimeProvider.System;
    private Random? _random;
    private bool _built;

    /// <summary>Adds a channel with its policy.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="policy">Its policy, or <see langword="null"/> for <see cref="ChannelPolicy.For"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A channel with the same <see cref="IPaymentChannel.Id"/> was already added.</exception>
    public PaymentEngineBuilder AddChannel(IPaymentChannel channel, ChannelPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (_channels.Exists(c => c.Channel.Id == channel.Id))
        {
            throw new ArgumentException($"channel: a {channel.Id} channel was already added.", nameof(channel));
        }

        _channels.Add((channel, policy ?? ChannelPolicy.For(channel.Id)));
        return this;
    }

    /// <summary>Sets the journal (required).</summary>
    /// <param name="journal">The journal.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journal"/> is <see langword="null"/>.</exception>
    public PaymentEngineBuilder UseJournal(IPaymentJournal journal)
    {
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        return this;
    }

    /// <summary>Sets the clock for schedules, timeouts and the circuit breaker.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public PaymentEngineBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>Sets the random source for attempt ids and retry jitter (seed it for deterministic simulations).</summary>
    /// <param name="random">The random source.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is <see langword="null"/>.</exception>
    public PaymentEngineBuilder UseRandom(Random random)
    {
        _random = random ?? throw new ArgumentNullException(nameof(random));
        return this;
    }

    /// <summary>Validates the configuration, builds the engine and resumes every attempt that is not final.</summary>
    /// <param name="cancellationToken">Cancels reading the journal.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="InvalidOperationException">The builder was already used, or no journal or channel was set.</exception>
    /// <exception cref="OptionsValidationException">A channel policy is invalid.</exception>
    public async ValueTask<IPaymentEngine> BuildAsync(CancellationToken cancellationToken = default)
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder already built an engine; create a new builder.");
        }

        if (_journal is null)
        {
            throw new InvalidOperationException("Call UseJournal before BuildAsync: the engine never takes a payment without a journal.");
        }

        if (_channels.Count == 0)
        {
            throw new InvalidOperationException("Add at least one channel with AddChannel before BuildAsync.");
        }

        _built = true;
        var random = _random ?? new Random(Environment.TickCount);
        var slots = new Dictionary<PaymentChannelId, ChannelSlot>();
        foreach (var (channel, policy) in _channels)
        {
            policy.Validate();
            slots[channel.Id] = new ChannelSlot(channel, policy, ChannelPipelines.Create(policy, _timeProvider, random));
        }

        var engine = new PaymentEngine(_journal, _timeProvider, random, slots);
        await engine.ResumeAsync(cancellationToken).ConfigureAwait(false);
        return engine;
    }
}
