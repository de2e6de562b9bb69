namespace Ordering.Sdk.Payments;

// Unknown-outcome resolution: query on a schedule, then close / reverse at the deadline; money found
// after giving up is refunded. Driven by TimeProvider through ProcessDueWorkAsync, never by own threads.
internal sealed partial class PaymentEngine
{
    public async ValueTask<int> ProcessDueWorkAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new List<PaymentAttempt>();
        var parts = new List<RefundPart>();
        lock (_sync)
        {
            foreach (var attempt in _dueAttempts)
            {
                if (!attempt.Busy && attempt.DueAt <= now)
                {
                    attempt.Busy = true;
                    attempts.Add(attempt);
                }
            }

            foreach (var part in _dueParts)
            {
                if (!part.Busy && part.DueAt <= now)
                {
                    part.Busy = true;
                    parts.Add(part);
                }
            }
        }

        // Stable order (creation time, then id) keeps simulations deterministic whatever the hash order.
        attempts.Sort(static (a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : string.CompareOrdinal(a.Id, b.Id));
        parts.Sort(static (a, b) => string.CompareOrdinal(a.Number, b.Number));
        var index = 0;
        try
        {
            for (; index < attempts.Count; index++)
            {
                await ProcessAttemptAsync(attempts[index], cancellationToken).ConfigureAwait(false);
            }

            for (var p = 0; p < parts.Count; p++)
            {
                await ProcessRefundPartAsync(parts[p], cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_sync)
            {
                foreach (var attempt in attempts)
                {
                    attempt.Busy = false;
                }

                foreach (var part in parts)
                {
                    part.Busy = false;
                }
            }
        }

        return attempts.Count + parts.Count;
    }

    public async ValueTask<PaymentAttemptSnapshot> CancelAsync(string attemptId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attemptId);
        PaymentAttempt? attempt;
        lock (_sync)
        {
            _attempts.TryGetValue(attemptId, out attempt);
        }

        if (attempt is null)
        {
            throw new ArgumentException($"attemptId: no attempt '{attemptId}'.", nameof(attemptId));
        }

        var book = attempt.Book;
        await EnterAsync(book, cancellationToken).ConfigureAwait(false);
        try
        {
            if (attempt.State is PaymentState.Pending or PaymentState.AwaitingCustomer or PaymentState.Created)
            {
                // From Created only when nothing was sent (Busy means the charge is on its way: cancel it after).
                if (attempt.State != PaymentState.Created || !IsBusy(attempt))
                {
                    await FireAsync(attempt, attempt.State == PaymentState.Created ? PaymentTrigger.Submit : PaymentTrigger.Cancel).ConfigureAwait(false);
                    await FireAsync(attempt, PaymentTrigger.Cancel).ConfigureAwait(false);
                    Schedule(attempt, _time.GetUtcNow());
                }
            }

            return attempt.ToSnapshot();
        }
        finally
        {
            Exit(book);
        }
    }

    private async ValueTask ProcessAttemptAsync(PaymentAttempt attempt, CancellationToken cancellationToken)
    {
        var book = attempt.Book;
        if (!TryGetSlot(attempt.Channel, out var slot))
        {
            // No channel means the charge was refused locally and never sent (a crash can interrupt the refusal).
            await EnterAsync(book, cancellationToken).ConfigureAwait(false);
            try
            {
                if (attempt.State == PaymentState.Created)
                {
                    await FireAsync(attempt, PaymentTrigger.Decline, rawCode: EngineErrorCodes.ChannelNotConfigured).ConfigureAwait(false);
                }
                else if (PaymentStateChart.IsInFlight(attempt.State))
                {
                    await FireAsync(attempt, PaymentTrigger.Cancel).ConfigureAwait(false);
                    await FireAsync(attempt, PaymentTrigger.CancelConfirmed).ConfigureAwait(false);
                }

                Unschedule(attempt);
            }
            finally
            {
                Exit(book);
            }

            return;
        }

        var policy = slot.Policy;
        var now = _time.GetUtcNow();
        PaymentState state;
        bool promptMayBeLost;
        await EnterAsync(book, cancellationToken).ConfigureAwait(false);
        try
        {
            if (PaymentStateChart.HasCaptured(attempt.State) && attempt.Abandoned && !attempt.AutoRefundStarted)
            {
                await StartAutoRefundAsync(attempt).ConfigureAwait(false);
                Unschedule(attempt);
                return;
            }

            if (attempt.State == PaymentState.Created)
            {
                // Resumed after a crash between the intent and the answer: the charge may have left.
                await FireAsync(attempt, PaymentTrigger.Submit).ConfigureAwait(false);
            }

            if (attempt.State is PaymentState.Pending or PaymentState.AwaitingCustomer)
            {
                var timeout = attempt.ResolveWithin(policy);
                if (now >= attempt.CreatedAt + timeout)
                {
                    // Staff must see why the payment ended, not just "Cancelled": a customer who never finished, or a
                    // channel that never answered (its last failure's cause, not the customer's fault).
                    var seconds = timeout.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
                    var why = attempt.State == PaymentState.AwaitingCustomer
                        ? new ChannelError(FailureCause.Customer, EngineErrorCodes.CustomerDidNotPay, "The customer did not finish paying within " + seconds + " s; the engine closes the payment at the channel.", RecommendedAction.RetrySame)
                        : new ChannelError(attempt.LastFailure?.Cause ?? FailureCause.Network, EngineErrorCodes.GaveUpUnknown, "No outcome from the channel within " + seconds + " s; the engine closes or reverses the payment at the channel.", RecommendedAction.SwitchMethod);
                    await RecordFailureAsync(attempt, null, attempt.Channel, PaymentOperation.Cancel, why).ConfigureAwait(false);
                    await FireAsync(attempt, PaymentTrigger.Cancel).ConfigureAwait(false);
                }
            }

            if (attempt.State == PaymentState.Cancelling && now < attempt.CreatedAt + policy.EarliestCancel)
            {
                // WeChat: never reverse sooner than 15 s after the charge.
                Schedule(attempt, attempt.CreatedAt + policy.EarliestCancel);
                return;
            }

            state = attempt.State;
            promptMayBeLost = attempt.IsWallet && !attempt.ChargeAnswered && !attempt.NeedsVerification;
            if (!PaymentStateChart.IsInFlight(state) && !attempt.NeedsVerification)
            {
                Unschedule(attempt);
                return;
            }
        }
        finally
        {
            Exit(book);
        }

        if (state == PaymentState.Cancelling)
        {
            await CancelAtChannelAsync(attempt, slot, cancellationToken).ConfigureAwait(false);
            return;
        }

        var id = attempt.Id;
        var result = await CallAsync(slot, PaymentOperation.Query, (channel, token) => channel.QueryAsync(id, token), cancellationToken).ConfigureAwait(false);
        var operation = PaymentOperation.Query;
        ChannelError? presentFailure = null;
        if (promptMayBeLost && result.Outcome is ChannelOutcome.NotFound or ChannelOutcome.CustomerPaying)
        {
            // The answer to the create was lost, so the customer has nothing to pay with, and the query says nothing
            // was paid (no trade yet, or one waiting). Creating a wallet order moves no money, and the same merchant
            // order number keeps it to one trade: send the create again and the customer gets the prompt in seconds,
            // instead of waiting for the customer-action timeout with nothing on the screen.
            var charge = new ChargeRequest(id, attempt.OrderId, attempt.Amount, attempt.Kind, null, attempt.PayerId);
            var presented = await CallAsync(slot, PaymentOperation.Charge, (channel, token) => channel.ChargeAsync(charge, token), cancellationToken).ConfigureAwait(false);
            if (presented.Error?.RawCode == EngineErrorCodes.CircuitOpen)
            {
                // Not sent: the channel is resting. The query's answer stands; the next round presents it again.
            }
            else if (presented.Outcome != ChannelOutcome.Unknown)
            {
                result = presented;
                operation = PaymentOperation.Charge;
            }
            else
            {
                presentFailure = presented.Error;
            }
        }

        await EnterAsync(book, CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (operation == PaymentOperation.Charge && attempt.State is not (PaymentState.Pending or PaymentState.AwaitingCustomer))
            {
                // Resolved meanwhile (a notification, a cancel): the new prompt is of no use any more.
                return;
            }

            if (presentFailure is not null)
            {
                await RecordFailureAsync(attempt, null, attempt.Channel, PaymentOperation.Charge, presentFailure).ConfigureAwait(false);
            }

            if (attempt.NeedsVerification && !PaymentStateChart.IsInFlight(attempt.State))
            {
                // A success notification for an attempt resolved without capture, confirmed (or not) by query.
                attempt.NeedsVerification = false;
                if (result.Outcome == ChannelOutcome.Succeeded)
                {
                    await FireAsync(attempt, PaymentTrigger.Confirm, result.Amount, result.ChannelTransactionId).ConfigureAwait(false);
                }
                else if (result.Outcome is ChannelOutcome.Unknown)
                {
                    attempt.NeedsVerification = true;
                    Schedule(attempt, _time.GetUtcNow() + policy.QueryInterval);
                    return;
                }

                if (!(PaymentStateChart.HasCaptured(attempt.State) && attempt.Abandoned && !attempt.AutoRefundStarted))
                {
                    Unschedule(attempt);
                }

                return;
            }

            await ApplyChargeResultAsync(attempt, policy, result, operation).ConfigureAwait(false);
        }
        finally
        {
            Exit(book);
        }
    }

    private async ValueTask CancelAtChannelAsync(PaymentAttempt attempt, ChannelSlot slot, CancellationToken cancellationToken)
    {
        var book = attempt.Book;
        var id = attempt.Id;
        var result = await CallAsync(slot, PaymentOperation.Cancel, (channel, token) => channel.CancelAsync(id, token), cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ChannelOutcome.Declined)
        {
            // The channel refused to close: ask it what the charge really is (paid, closed, failed).
            await EnterAsync(book, CancellationToken.None).ConfigureAwait(false);
            try
            {
                await RecordFailureAsync(attempt, null, attempt.Channel, PaymentOperation.Cancel, result.Error ?? new ChannelError(FailureCause.Unknown, "CANCEL_DECLINED", "Cancel declined.")).ConfigureAwait(false);
            }
            finally
            {
                Exit(book);
            }

            result = await CallAsync(slot, PaymentOperation.Query, (channel, token) => channel.QueryAsync(id, token), cancellationToken).ConfigureAwait(false);
            if (result.Outcome == ChannelOutcome.Declined)
            {
                result = ChannelResult.Cancelled();
            }
        }

        await EnterAsync(book, CancellationToken.None).ConfigureAwait(false);
        try
        {
            switch (result.Outcome)
            {
                case ChannelOutcome.Cancelled or ChannelOutcome.NotFound:
                    await FireAsync(attempt, PaymentTrigger.CancelConfirmed).ConfigureAwait(false);
                    Unschedule(attempt);
                    break;
                case ChannelOutcome.Succeeded:
                    // Paid before the close and cannot be closed: a late success, refunded automatically.
                    await FireAsync(attempt, PaymentTrigger.Confirm, result.Amount, result.ChannelTransactionId).ConfigureAwait(false);
                    Schedule(attempt, _time.GetUtcNow());
                    break;
                default:
                    Schedule(attempt, _time.GetUtcNow() + slot.Policy.CancelRetryInterval);
                    break;
            }
        }
        finally
        {
            Exit(book);
        }
    }
}
