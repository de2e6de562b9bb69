namespace Ordering.Sdk.Testing;

// Callbacks delivered on the sandbox's own timer, created from the injected TimeProvider: it wakes when the
// next callback, retry, customer decision or refund completion is due, so with a FakeTimeProvider advancing
// the clock is enough. Deliveries (timer or DeliverDueCallbacksAsync) never overlap: each callback goes once.
public sealed partial class WeChatPaySandbox
{
    private readonly SemaphoreSlim _delivering = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _deliveryTimer;

    private void StartAutomaticDelivery()
    {
        if (_options.DeliverCallbacksAutomatically)
        {
            _deliveryTimer = _time.CreateTimer(_ => OnDeliveryDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    // Points the timer at the next moment something becomes due; called after anything that may add work.
    private void ScheduleDelivery()
    {
        if (_deliveryTimer is not { } timer || _stopping.IsCancellationRequested)
        {
            return;
        }

        DateTimeOffset? next;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            next = NextDue(now);
        }

        try
        {
            timer.Change(next is { } at ? (at > now ? at - now : TimeSpan.Zero) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile.
        }
    }

    // The earliest pending callback (due now if overdue), or the next future customer decision or refund
    // completion that will enqueue one. Past decisions are not counted: the next delivery applies them.
    private DateTimeOffset? NextDue(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset at) => next = next is { } current && current <= at ? current : at;
        foreach (var callback in _callbacks)
        {
            if (!callback.Done)
            {
                Consider(callback.NextAt < now ? now : callback.NextAt);
            }
        }

        foreach (var trade in _trades.Values)
        {
            var decideAt = trade.CreatedAt + trade.Customer.After;
            if (trade.NotifyUrl is not null && trade.State is "NOTPAY" or "USERPAYING" && trade.Customer.Action != WeChatPaySandboxCustomerAction.NeverPays
                && trade.Customer.After > TimeSpan.Zero && decideAt > now)
            {
                Consider(decideAt);
            }
        }

        foreach (var refund in _refunds.Values)
        {
            var doneAt = refund.CreatedAt + _options.RefundDelay;
            if (refund.NotifyUrl is not null && refund.Status == "PROCESSING" && doneAt > now)
            {
                Consider(doneAt);
            }
        }

        return next;
    }

    private void OnDeliveryDue()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await DeliverDueCallbacksAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The sandbox is stopping.
            }
            catch (ObjectDisposedException)
            {
                // The sandbox stopped.
            }
        });
    }

    private async Task StopAutomaticDeliveryAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _deliveryTimer?.Dispose();

        // Let a delivery in flight end (its HTTP call is cancelled) before the client is disposed.
        await _delivering.WaitAsync().ConfigureAwait(false);
        _delivering.Release();
    }
}
