namespace Ordering.Sdk.Payments;

// The health of one channel as the circuit breaker sees it: Closed → Open → HalfOpen (one probe) → Closed or Open.
//
// Why not Polly's breaker: it decides on the ratio of *completed* calls. At the lunch peak a hundred charges leave in
// the same second; the ones the gateway refuses (a 500, a reset) come back in milliseconds while the ones it accepts
// take the full round trip and a signature check. The first eight answers are then mostly the failures, Polly sees
// "8 of 8 failed", and the channel is switched off for every table for the whole break — for a 5 % error rate.
// Here each call is counted, when it *starts*, in the bucket of its start time, and a failure is charged to that
// same bucket: the ratio is failures over calls sent in the window, with calls still in flight counted as not
// (yet) failed. A burst with a few fast failures stays closed; a dead gateway (every call failing, fast or by
// timeout) still opens once half the calls sent in the window have failed.
internal sealed class ChannelCircuitBreaker
{
    private const int BucketCount = 10;
    private const long NoEpoch = long.MinValue;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _failureRatio;
    private readonly int _minimumThroughput;
    private readonly TimeSpan _breakDuration;
    private readonly long _bucketTicks;
    private readonly long[] _epochs = new long[BucketCount];
    private readonly int[] _sent = new int[BucketCount];
    private readonly int[] _failed = new int[BucketCount];
    private ChannelCircuitState _state;
    private DateTimeOffset _openUntil;
    private bool _probeInFlight;

    // Bumped whenever the circuit opens or closes: answers to calls sent before that say nothing about the new window.
    private int _generation;

    public ChannelCircuitBreaker(ChannelPolicy policy, TimeProvider time)
    {
        _time = time;
        _failureRatio = policy.BreakerFailureRatio;
        _minimumThroughput = policy.BreakerMinimumThroughput;
        _breakDuration = policy.BreakerBreakDuration;
        _bucketTicks = Math.Max(1, policy.BreakerSamplingDuration.Ticks / BucketCount);
        Array.Fill(_epochs, NoEpoch);
    }

    /// <summary>Gets the state now; an Open circuit whose break is over reads as HalfOpen.</summary>
    public ChannelCircuitState State
    {
        get
        {
            lock (_gate)
            {
                return _state == ChannelCircuitState.Open && _time.GetUtcNow() >= _openUntil ? ChannelCircuitState.HalfOpen : _state;
            }
        }
    }

    /// <summary>Gets whether a new call would be refused now (open, or half-open with its probe still out).</summary>
    public bool IsRefusing
    {
        get
        {
            lock (_gate)
            {
                return _state switch
                {
                    ChannelCircuitState.Open => _time.GetUtcNow() < _openUntil,
                    ChannelCircuitState.HalfOpen => _probeInFlight,
                    _ => false,
                };
            }
        }
    }

    /// <summary>Admits a call, or refuses it while the circuit is open.</summary>
    /// <param name="ticket">What <see cref="Complete"/> needs to charge the outcome to this call.</param>
    /// <param name="retryAfter">When refused, how long until a probe may go.</param>
    /// <returns>Whether the call may be sent.</returns>
    public bool TryAdmit(out BreakerTicket ticket, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            retryAfter = TimeSpan.Zero;
            if (_state == ChannelCircuitState.Open)
            {
                if (now < _openUntil)
                {
                    retryAfter = _openUntil - now;
                    ticket = default;
                    return false;
                }

                _state = ChannelCircuitState.HalfOpen;
            }

            if (_state == ChannelCircuitState.HalfOpen)
            {
                if (_probeInFlight)
                {
                    retryAfter = _breakDuration;
                    ticket = default;
                    return false;
                }

                _probeInFlight = true;
                ticket = new BreakerTicket(NoEpoch, _generation, IsProbe: true);
                return true;
            }

            var epoch = Epoch(now);
            var slot = Bucket(epoch);
            _sent[slot]++;
            ticket = new BreakerTicket(epoch, _generation, IsProbe: false);
            return true;
        }
    }

    /// <summary>Charges a finished call's outcome to the bucket it was sent in, and opens or closes the circuit.</summary>
    /// <param name="ticket">The call's ticket from <see cref="TryAdmit"/>.</param>
    /// <param name="verdict">What the outcome says about the channel.</param>
    public void Complete(BreakerTicket ticket, BreakerVerdict verdict)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (ticket.IsProbe)
            {
                _probeInFlight = false;
                switch (verdict)
                {
                    case BreakerVerdict.Unhealthy:
                        Open(now);
                        break;
                    case BreakerVerdict.Healthy:
                        Close();
                        break;
                }

                return;
            }

            // An answer to a call sent before the circuit last opened or closed says nothing about the current window.
            if (_state != ChannelCircuitState.Closed || ticket.Generation != _generation)
            {
                return;
            }

            var nowEpoch = Epoch(now);
            var slot = (int)((ulong)ticket.Epoch % BucketCount);
            var stillInWindow = _epochs[slot] == ticket.Epoch && ticket.Epoch > nowEpoch - BucketCount;
            switch (verdict)
            {
                case BreakerVerdict.NoEvidence when stillInWindow:
                    // A cancelled call proves nothing either way: take it out of the denominator.
                    _sent[slot]--;
                    return;
                case BreakerVerdict.Unhealthy when stillInWindow:
                    _failed[slot]++;
                    break;
                case BreakerVerdict.Unhealthy:
                    // Sent so long ago that its bucket has left the window (a timeout longer than the window):
                    // the failure is still evidence, counted now as a call sent and failed.
                    var current = Bucket(nowEpoch);
                    _sent[current]++;
                    _failed[current]++;
                    break;
                default:
                    return;
            }

            var (sent, failed) = Totals(nowEpoch);
            if (sent >= _minimumThroughput && failed >= _failureRatio * sent)
            {
                Open(now);
            }
        }
    }

    private long Epoch(DateTimeOffset now) => now.UtcTicks / _bucketTicks;

    // The slot of an epoch, emptied first when it still holds an older epoch; the caller holds _gate.
    private int Bucket(long epoch)
    {
        var slot = (int)((ulong)epoch % BucketCount);
        if (_epochs[slot] != epoch)
        {
            _epochs[slot] = epoch;
            _sent[slot] = 0;
            _failed[slot] = 0;
        }

        return slot;
    }

    private (int Sent, int Failed) Totals(long nowEpoch)
    {
        int sent = 0, failed = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            var epoch = _epochs[i];
            if (epoch != NoEpoch && epoch <= nowEpoch && epoch > nowEpoch - BucketCount)
            {
                sent += _sent[i];
                failed += _failed[i];
            }
        }

        return (sent, failed);
    }

    private void Open(DateTimeOffset now)
    {
        _state = ChannelCircuitState.Open;
        _openUntil = now + _breakDuration;
        ClearWindow();
    }

    private void Close()
    {
        _state = ChannelCircuitState.Closed;
        ClearWindow();
    }

    private void ClearWindow()
    {
        _generation++;
        Array.Fill(_epochs, NoEpoch);
        Array.Clear(_sent);
        Array.Clear(_failed);
    }
}
