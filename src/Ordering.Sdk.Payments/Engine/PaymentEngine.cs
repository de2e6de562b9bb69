using System.Collections.Concurrent;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ordering.Sdk.Payments;

// The engine's state and the helpers every operation shares: locking, journaled transitions, scheduling,
// failure diagnosis and events. Operations live in the PaymentEngine.*.cs partials.
//
// Locking: the state of one order (its attempts, their refund groups and parts) is guarded by that order's
// gate (OrderBook.Gate, an async lock held across the order's journal appends, never across a channel call),
// so payments on different orders proceed concurrently and each order's journal entries follow its
// transitions. The engine-wide indexes (attempt, key, order, refund and inbox maps), the due-work schedule
// (DueAt, Busy), the failure log and the read-view publication are guarded by _sync, a plain lock held only
// for a few instructions and never across an await. Order: an order's gate, then _sync; never the reverse.
internal sealed partial class PaymentEngine : IPaymentEngine
{
    private const int FailureLogCapacity = 1000;

    private readonly IPaymentJournal _journal;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Dictionary<PaymentChannelId, ChannelSlot> _channels;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, PaymentAttempt> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaymentAttempt> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pendingIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrderBook> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefundGroup> _refundGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefundPart> _refundParts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inbox = new(StringComparer.Ordinal);
    private readonly HashSet<PaymentAttempt> _dueAttempts = [];
    private readonly HashSet<RefundPart> _dueParts = [];
    private readonly FailureLog _failures = new(FailureLogCapacity);
    private readonly EventSequencer _engineEvents = new();
    private readonly ConcurrentQueue<EventSequencer> _toDeliver = new();
    private readonly Action<EventArgs> _raise;

    public PaymentEngine(IPaymentJournal journal, TimeProvider time, Random random, Dictionary<PaymentChannelId, ChannelSlot> channels)
    {
        _journal = journal;
        _time = time;
        _random = random;
        _channels = channels;
        _raise = Raise;
    }

    public event EventHandler<PaymentFailureEventArgs>? FailureRecorded;

    public event EventHandler<PaymentAttemptChangedEventArgs>? AttemptChanged;

    public event EventHandler<LateSuccessEventArgs>? LateSuccessDetected;

    internal IReadOnlyDictionary<PaymentChannelId, ChannelSlot> Channels => _channels;

    private static DateTimeOffset? Earliest(DateTimeOffset? left, DateTimeOffset? right) =>
        left is null ? right : right is null ? left : (left < right ? left : right);

    // Takes an order's gate, creating the order's book on first use.
    private async ValueTask<OrderBook> EnterOrderAsync(string orderId, Money amountDue, CancellationToken cancellationToken)
    {
        OrderBook? book;
        lock (_sync)
        {
            if (!_orders.TryGetValue(orderId, out book))
            {
                book = new OrderBook(orderId, amountDue);
                _orders.Add(orderId, book);
            }
        }

        await book.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return book;
    }

    private static async ValueTask EnterAsync(OrderBook book, CancellationToken cancellationToken) => await book.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);

    // Publishes what the section changed, releases the order's gate, then raises the events queued while it
    // was held (handlers may call back in).
    private void Exit(OrderBook? book)
    {
        Publish(book);
        book?.Gate.Release();
        RaiseEvents();
    }

    private void RaiseEvents()
    {
        while (_toDeliver.TryDequeue(out var sequencer))
        {
            sequencer.Deliver(_raise);
        }
    }

    // Queues an event on its order's sequencer (the engine's own for an event of no order); Exit delivers it.
    private void QueueEvent(OrderBook? book, EventArgs args)
    {
        var sequencer = book?.Events ?? _engineEvents;
        sequencer.Enqueue(args);
        _toDeliver.Enqueue(sequencer);
    }

    private void Raise(EventArgs args)
    {
        switch (args)
        {
            case PaymentFailureEventArgs failure:
                FailureRecorded?.Invoke(this, failure);
                break;
            case PaymentAttemptChangedEventArgs changed:
                AttemptChanged?.Invoke(this, changed);
                break;
            case LateSuccessEventArgs late:
                LateSuccessDetected?.Invoke(this, late);
                break;
        }
    }

    private void Schedule(PaymentAttempt attempt, DateTimeOffset at)
    {
        lock (_sync)
        {
            attempt.DueAt = at;
            _dueAttempts.Add(attempt);
            _dueDirty = true;
        }
    }

    private void Unschedule(PaymentAttempt attempt)
    {
        lock (_sync)
        {
            attempt.DueAt = null;
            _dueDirty |= _dueAttempts.Remove(attempt);
        }
    }

    private void Schedule(RefundPart part, DateTimeOffset at)
    {
        lock (_sync)
        {
            part.DueAt = at;
            _dueParts.Add(part);
            _dueDirty = true;
        }
    }

    private void Unschedule(RefundPart part)
    {
        lock (_sync)
        {
            part.DueAt = null;
            _dueDirty |= _dueParts.Remove(part);
        }
    }

    private void SetBusy(PaymentAttempt attempt, bool busy)
    {
        lock (_sync)
        {
            attempt.Busy = busy;
        }
    }

    private bool IsBusy(PaymentAttempt attempt)
    {
        lock (_sync)
        {
            return attempt.Busy;
        }
    }

    // Journals a transition first, then applies it; a refused pair changes nothing.
    private async ValueTask<bool> FireAsync(PaymentAttempt attempt, PaymentTrigger trigger, Money? captured = null, string? channelTransactionId = null, string? rawCode = null)
    {
        Touch(attempt);
        if (!PaymentStateChart.TryFire(attempt.State, trigger, out var to, out _))
        {
            return false;
        }

        var previous = attempt.State;
        var lateSuccess = trigger == PaymentTrigger.Confirm && previous is PaymentState.Failed or PaymentState.Cancelled or PaymentState.Cancelling;
        var abandoned = attempt.Abandoned || trigger == PaymentTrigger.Cancel || lateSuccess;
        var newCaptured = trigger == PaymentTrigger.Confirm && !PaymentStateChart.HasCaptured(previous) ? captured ?? attempt.Amount : attempt.Captured;
        var transactionId = channelTransactionId ?? attempt.ChannelTransactionId;
        if (to == previous && abandoned == attempt.Abandoned && newCaptured == attempt.Captured)
        {
            return true;
        }

        await _journal.AppendAsync(
            new PaymentJournalEntry
            {
                Kind = PaymentJournalEntryKind.StateChanged,
                Timestamp = _time.GetUtcNow(),
                AttemptId = attempt.Id,
                Channel = attempt.Channel,
                CurrencyCode = attempt.Amount.Currency.Code,
                State = to,
                Trigger = trigger,
                Amount = newCaptured.MinorUnits,
                Abandoned = abandoned,
                ChannelTransactionId = transactionId,
                RawCode = rawCode,
            },
            CancellationToken.None).ConfigureAwait(false);

        attempt.State = to;
        attempt.Captured = newCaptured;
        attempt.Abandoned = abandoned;
        attempt.ChannelTransactionId = transactionId;
        if (PaymentStateChart.IsInFlight(previous) && !PaymentStateChart.IsInFlight(to))
        {
            PaymentsMetrics.AttemptResolved(attempt.Channel, to, _time.GetUtcNow() - attempt.CreatedAt);
        }

        QueueEvent(attempt.Book, new PaymentAttemptChangedEventArgs(attempt.ToSnapshot(), previous));
        if (PaymentStateChart.HasCaptured(to) && attempt.Abandoned && !attempt.AutoRefundStarted)
        {
            // Money found after giving up: return it (the refund is journaled and sent by ProcessDueWorkAsync).
            Schedule(attempt, _time.GetUtcNow());
        }

        return true;
    }

    // Journals a diagnosed failure, then logs it, so the failure log survives a restart; the caller holds the
    // gate of the attempt's order (if there is an attempt).
    private async ValueTask<PaymentFailure> RecordFailureAsync(PaymentAttempt? attempt, string? orderId, PaymentChannelId channel, PaymentOperation operation, ChannelError error)
    {
        var action = error.Action ?? FailureCatalog.DefaultAction(error.Cause);
        var rawCode = SensitiveData.Mask(error.RawCode);
        var rawMessage = SensitiveData.Mask(error.RawMessage);
        var now = _time.GetUtcNow();
        var sequence = await _journal.AppendAsync(
            new PaymentJournalEntry
            {
                Kind = PaymentJournalEntryKind.FailureRecorded,
                Timestamp = now,
                AttemptId = attempt?.Id ?? string.Empty,
                OrderId = orderId ?? attempt?.OrderId,
                Channel = channel,
                Operation = operation,
                Cause = error.Cause,
                Action = action,
                RawCode = rawCode,
                Detail = rawMessage,
            },
            CancellationToken.None).ConfigureAwait(false);
        var failure = LogFailure(sequence, attempt, orderId ?? attempt?.OrderId, channel, operation, error.Cause, action, rawCode, rawMessage, now);
        PaymentsMetrics.Failure(failure);
        QueueEvent(attempt?.Book, new PaymentFailureEventArgs(failure));
        return failure;
    }

    // Adds a failure to the bounded in-memory log (also when rebuilding it from the journal), in journal order
    // so the live log and the log rebuilt after a restart agree even when orders record failures concurrently.
    private PaymentFailure LogFailure(long sequence, PaymentAttempt? attempt, string? orderId, PaymentChannelId channel, PaymentOperation operation, FailureCause cause, RecommendedAction action, string rawCode, string rawMessage, DateTimeOffset occurredAt)
    {
        var failure = new PaymentFailure(attempt?.Id, orderId, channel, operation, cause, action, rawCode, rawMessage, FailureCatalog.Describe(cause, rawCode), occurredAt);
        lock (_sync)
        {
            _failures.Add(sequence, failure);
            _failuresDirty = true;
        }

        if (attempt is not null)
        {
            attempt.LastFailure = failure;
            Touch(attempt);
        }

        return failure;
    }

    // Runs one channel call through the channel's pipeline; exceptions become classified results.
    private static async ValueTask<ChannelResult> CallAsync(ChannelSlot slot, PaymentOperation operation, Func<IPaymentChannel, CancellationToken, ValueTask<ChannelResult>> call, CancellationToken cancellationToken)
    {
        var isCharge = operation == PaymentOperation.Charge;
        var pipeline = isCharge ? slot.Pipelines.Charge : slot.Pipelines.Idempotent;

        // The charge has its own span in PayAsync; every resolution call gets one here.
        using var activity = isCharge ? null : PaymentsTelemetry.ActivitySource.StartActivity("ordering.payments." + OperationName(operation));
        activity?.SetTag("channel", PaymentsMetrics.ChannelTag(slot.Channel.Id));
        try
        {
            var result = await pipeline.ExecuteAsync(static (state, token) => state.call(state.Channel, token), (call, slot.Channel), cancellationToken).ConfigureAwait(false);
            activity?.SetTag("outcome", result.Outcome.ToString());
            return result;
        }
        catch (BrokenCircuitException)
        {
            var error = new ChannelError(FailureCause.GatewayUnavailable, EngineErrorCodes.CircuitOpen, "Circuit open after repeated failures; the call was not sent.", RecommendedAction.SwitchMethod);
            return isCharge ? ChannelResult.Decline(error) : ChannelResult.Unknown(error);
        }
        catch (TimeoutRejectedException)
        {
            return ChannelResult.Unknown(new ChannelError(FailureCause.Network, EngineErrorCodes.Timeout, "No answer within the call timeout."));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any other failure of the call (reset, I/O, a bug in an adapter) leaves the outcome unknown, never failed.
            return ChannelResult.Unknown(new ChannelError(FailureCause.Network, EngineErrorCodes.TransportError, ex.GetType().Name + ": " + SensitiveData.Mask(ex.Message)));
        }
    }

    private static string OperationName(PaymentOperation operation) => operation switch
    {
        PaymentOperation.Query => "query",
        PaymentOperation.Cancel => "cancel",
        PaymentOperation.Refund => "refund",
        _ => "refund_query",
    };

    private bool TryGetSlot(PaymentChannelId channel, out ChannelSlot slot) => _channels.TryGetValue(channel, out slot!);

    // Reserves a fresh attempt id (released by Register or ReleaseReservation); the caller holds _sync.
    private string NewAttemptId()
    {
        while (true)
        {
            long suffix;
            lock (_random)
            {
                suffix = _random.NextInt64(0, 10_000_000_000L);
            }

            var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"P{_time.GetUtcNow().ToUnixTimeMilliseconds()}{suffix:D10}");
            if (!_attempts.ContainsKey(id) && _pendingIds.Add(id))
            {
                return id;
            }
        }
    }
}
