namespace Ordering.Sdk.Payments;

// Taking a tender: validation, idempotency, the intent journaled before the charge leaves, the answer applied.
internal sealed partial class PaymentEngine
{
    public async ValueTask<PaymentAttemptSnapshot> PayAsync(TenderRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        using var activity = PaymentsTelemetry.ActivitySource.StartActivity("ordering.payments.charge");
        PaymentAttempt attempt;
        ChannelSlot? slot;
        ChannelError? refusal;
        var book = await EnterOrderAsync(request.OrderId, request.AmountDue, cancellationToken).ConfigureAwait(false);
        try
        {
            var channel = ResolveChannel(request);
            lock (_sync)
            {
                // The key is reserved before its intent is journaled: a concurrent tender with the same key on
                // another order (same-order tenders wait for this gate) sees it and is refused.
                if (_byKey.TryGetValue(request.IdempotencyKey, out var existing))
                {
                    attempt = existing;
                }
                else
                {
                    var change = request.Kind == ChargeKind.Cash && request.CashReceived is { } received ? received - request.Amount : Money.Zero(request.Amount.Currency);
                    attempt = new PaymentAttempt(NewAttemptId(), request.OrderId, request.IdempotencyKey, channel, request.Kind, request.Amount, change, request.PayerId, _time.GetUtcNow());
                    _byKey.Add(request.IdempotencyKey, attempt);
                    existing = null;
                }

                if (existing is not null)
                {
                    // Only immutable fields are read here: the attempt may belong to another order.
                    EnsureSameTender(existing, request);
                    return existing.ToSnapshot();
                }
            }

            refusal = CheckLocally(request, channel, book, out slot);

            // Journal before network: the intent is durable before the charge can leave the process.
            try
            {
                await _journal.AppendAsync(
                    new PaymentJournalEntry
                    {
                        Kind = PaymentJournalEntryKind.AttemptCreated,
                        Timestamp = attempt.CreatedAt,
                        AttemptId = attempt.Id,
                        OrderId = attempt.OrderId,
                        IdempotencyKey = attempt.IdempotencyKey,
                        Channel = channel,
                        ChargeKind = request.Kind,
                        CurrencyCode = request.Amount.Currency.Code,
                        Amount = request.Amount.MinorUnits,
                        AmountDue = request.AmountDue.MinorUnits,
                        Change = attempt.Change.MinorUnits,
                        PayerId = request.PayerId,
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                ReleaseReservation(attempt);
                throw;
            }

            Register(attempt, request.AmountDue);
            activity?.SetTag("channel", PaymentsMetrics.ChannelTag(channel));
            activity?.SetTag("attempt.id", attempt.Id);

            if (refusal is not null)
            {
                await RecordFailureAsync(attempt, null, channel, PaymentOperation.Validation, refusal).ConfigureAwait(false);
                await FireAsync(attempt, PaymentTrigger.Decline, rawCode: refusal.RawCode).ConfigureAwait(false);
                return attempt.ToSnapshot();
            }

            SetBusy(attempt, true);
        }
        finally
        {
            Exit(book);
        }

        // The order's gate is not held while the charge is out: other orders never wait for this one's network.
        var charge = new ChargeRequest(attempt.Id, attempt.OrderId, attempt.Amount, attempt.Kind, request.PaymentCode, request.PayerId);
        ChannelResult result;
        try
        {
            result = await CallAsync(slot!, PaymentOperation.Charge, (channel, token) => channel.ChargeAsync(charge, token), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The request may have left: resolve it by query like any unknown outcome.
            await EnterAsync(book, CancellationToken.None).ConfigureAwait(false);
            try
            {
                SetBusy(attempt, false);
                Schedule(attempt, _time.GetUtcNow());
            }
            finally
            {
                Exit(book);
            }

            throw;
        }

        await EnterAsync(book, CancellationToken.None).ConfigureAwait(false);
        try
        {
            SetBusy(attempt, false);
            if (result.Error?.RawCode == EngineErrorCodes.CircuitOpen)
            {
                await RecordFailureAsync(attempt, null, attempt.Channel, PaymentOperation.Charge, result.Error).ConfigureAwait(false);
                await FireAsync(attempt, PaymentTrigger.Decline, rawCode: result.Error.RawCode).ConfigureAwait(false);
            }
            else
            {
                await FireAsync(attempt, PaymentTrigger.Submit).ConfigureAwait(false);
                await ApplyChargeResultAsync(attempt, slot!.Policy, result, PaymentOperation.Charge).ConfigureAwait(false);
            }

            activity?.SetTag("outcome", attempt.State.ToString());
            return attempt.ToSnapshot();
        }
        finally
        {
            Exit(book);
        }
    }

    private static void Validate(TenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OrderId))
        {
            throw new ArgumentException("OrderId: is required.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > 128)
        {
            throw new ArgumentException("IdempotencyKey: is required and at most 128 characters.", nameof(request));
        }

        if (request.Amount.MinorUnits <= 0)
        {
            throw new ArgumentException($"Amount: must be positive, was {request.Amount}.", nameof(request));
        }

        if (request.AmountDue.Currency != request.Amount.Currency)
        {
            throw new ArgumentException($"Amount: currency {request.Amount.Currency} differs from AmountDue's {request.AmountDue.Currency}.", nameof(request));
        }

        if (request.AmountDue < request.Amount)
        {
            throw new ArgumentException($"Amount: {request.Amount} exceeds AmountDue {request.AmountDue}.", nameof(request));
        }

        if (request.Kind == ChargeKind.Cash)
        {
            if (request.CashReceived is not { } received || received.Currency != request.Amount.Currency || received < request.Amount)
            {
                throw new ArgumentException($"CashReceived: must be given for cash, in {request.Amount.Currency}, and at least Amount {request.Amount}.", nameof(request));
            }
        }

        if (request.Kind == ChargeKind.StoredValue && string.IsNullOrWhiteSpace(request.PayerId))
        {
            throw new ArgumentException("PayerId: the member id is required for stored value.", nameof(request));
        }

        if (request.Kind == ChargeKind.CodePay && string.IsNullOrEmpty(request.PaymentCode))
        {
            throw new ArgumentException("PaymentCode: is required for code pay.", nameof(request));
        }
    }

    private static void EnsureSameTender(PaymentAttempt existing, TenderRequest request)
    {
        if (!string.Equals(existing.OrderId, request.OrderId, StringComparison.Ordinal) || existing.Amount != request.Amount || existing.Kind != request.Kind)
        {
            throw new ArgumentException(
                $"IdempotencyKey: '{request.IdempotencyKey}' was already used for a different tender (order {existing.OrderId}, {existing.Amount}, {existing.Kind}).",
                nameof(request));
        }
    }

    private static PaymentChannelId ResolveChannel(TenderRequest request) => request.Kind switch
    {
        ChargeKind.Cash => PaymentChannelId.Cash,
        ChargeKind.StoredValue => PaymentChannelId.StoredValue,
        ChargeKind.CodePay when request.Channel == PaymentChannelId.Unknown => PaymentCodeDetector.Detect(request.PaymentCode),
        _ => request.Channel,
    };

    // Refusals decided before any network call; the attempt is still journaled so the refusal is audited.
    private ChannelError? CheckLocally(TenderRequest request, PaymentChannelId channel, OrderBook book, out ChannelSlot? slot)
    {
        slot = null;
        if (channel == PaymentChannelId.Unknown)
        {
            return new ChannelError(FailureCause.Customer, EngineErrorCodes.InvalidPaymentCode, "The code is neither a WeChat Pay nor an Alipay payment code.", RecommendedAction.AskForNewCode);
        }

        if (!TryGetSlot(channel, out var found))
        {
            return new ChannelError(FailureCause.Configuration, EngineErrorCodes.ChannelNotConfigured, $"No channel {channel} is registered with the engine.", RecommendedAction.SwitchMethod);
        }

        slot = found;
        if (book.Attempts.Count > 0)
        {
            var status = book.ComputeStatus();
            var open = OpenAmount(request.AmountDue, status);
            if (request.Amount > open && request.Amount <= open + status.InProgress)
            {
                // Only the reservation of attempts still in flight stands in the way: name them, and say that
                // cancelling one (close at the channel, then release) lets this tender through without a double charge.
                return new ChannelError(FailureCause.Duplicate, EngineErrorCodes.EarlierAttemptInFlight, $"Only {open} is open on the order; {status.InProgress} is held by attempt(s) in flight ({InFlightIds(book)}). Cancel the earlier attempt to release it.", RecommendedAction.QueryThenDecide);
            }

            if (request.Amount > open)
            {
                return new ChannelError(FailureCause.Duplicate, EngineErrorCodes.ExceedsOutstanding, $"Only {open} is open on the order ({status.Confirmed} confirmed, {status.Refunded} refunded, {status.InProgress} in progress).", RecommendedAction.QueryThenDecide);
            }
        }

        if (found.Pipelines.IsCircuitOpen)
        {
            return new ChannelError(FailureCause.GatewayUnavailable, EngineErrorCodes.CircuitOpen, "Circuit open after repeated failures; the charge was not sent.", RecommendedAction.SwitchMethod);
        }

        return null;
    }

    // What a new tender may still take: the amount due minus the money kept (captured minus refunded) by
    // confirmed tenders, minus what in-flight attempts reserve; never negative. Refunded money was given back,
    // so after 反结账 and a partial refund the difference can be tendered again.
    internal static Money OpenAmount(Money amountDue, OrderPaymentStatus status)
    {
        var open = amountDue - (status.Confirmed - status.Refunded) - status.InProgress;
        return open.MinorUnits < 0 ? Money.Zero(amountDue.Currency) : open;
    }

    private static string InFlightIds(OrderBook book)
    {
        var ids = new List<string>();
        foreach (var attempt in book.Attempts)
        {
            if (attempt.ReservesOutstanding)
            {
                ids.Add(attempt.Id);
            }
        }

        return string.Join(", ", ids);
    }

    // Makes a journaled attempt known to the engine and its order; the caller holds the order's gate (or is resuming).
    private void Register(PaymentAttempt attempt, Money amountDue)
    {
        OrderBook? book;
        lock (_sync)
        {
            _pendingIds.Remove(attempt.Id);
            _attempts[attempt.Id] = attempt;
            _byKey[attempt.IdempotencyKey] = attempt;
            if (!_orders.TryGetValue(attempt.OrderId, out book))
            {
                book = new OrderBook(attempt.OrderId, amountDue);
                _orders[attempt.OrderId] = book;
            }
        }

        attempt.Book = book;
        book.AmountDue = amountDue;
        book.Attempts.Add(attempt);
        Touch(attempt);
    }

    // The intent could not be journaled: the attempt never existed, its key and id are free again.
    private void ReleaseReservation(PaymentAttempt attempt)
    {
        lock (_sync)
        {
            _pendingIds.Remove(attempt.Id);
            if (_byKey.TryGetValue(attempt.IdempotencyKey, out var reserved) && ReferenceEquals(reserved, attempt))
            {
                _byKey.Remove(attempt.IdempotencyKey);
            }
        }
    }

    // Applies a charge or query answer to an attempt; the caller holds the attempt's order's gate.
    private async ValueTask ApplyChargeResultAsync(PaymentAttempt attempt, ChannelPolicy policy, ChannelResult result, PaymentOperation operation)
    {
        var now = _time.GetUtcNow();
        var deadline = attempt.CreatedAt + attempt.ResolveWithin(policy);
        var next = now + (operation == PaymentOperation.Charge ? policy.FirstQueryDelay : policy.QueryInterval);
        if (operation == PaymentOperation.Charge && result.Outcome != ChannelOutcome.Unknown)
        {
            attempt.ChargeAnswered = true;
        }

        if (next > deadline)
        {
            next = deadline;
        }

        switch (result.Outcome)
        {
            case ChannelOutcome.Succeeded:
                await FireAsync(attempt, PaymentTrigger.Confirm, result.Amount, result.ChannelTransactionId).ConfigureAwait(false);
                if (!(PaymentStateChart.HasCaptured(attempt.State) && attempt.Abandoned && !attempt.AutoRefundStarted))
                {
                    Unschedule(attempt);
                }

                break;
            case ChannelOutcome.Declined:
                var error = result.Error ?? new ChannelError(FailureCause.Unknown, "DECLINED", "Declined without a reason.");
                await RecordFailureAsync(attempt, null, attempt.Channel, operation, error).ConfigureAwait(false);
                await FireAsync(attempt, PaymentTrigger.Decline, rawCode: error.RawCode).ConfigureAwait(false);
                Unschedule(attempt);
                break;
            case ChannelOutcome.CustomerPaying:
                attempt.CustomerPrompt = result.CustomerPrompt ?? attempt.CustomerPrompt;
                Touch(attempt);
                await FireAsync(attempt, PaymentTrigger.CustomerPaying).ConfigureAwait(false);
                Schedule(attempt, next);
                break;
            case ChannelOutcome.Cancelled:
                if (PaymentStateChart.IsInFlight(attempt.State) && attempt.State != PaymentState.Cancelling)
                {
                    // Closed at the channel, not by us: say so, or staff see a payment that ended for no reason.
                    var closed = result.Error ?? new ChannelError(FailureCause.Customer, EngineErrorCodes.ClosedAtChannel, "The channel reports the payment closed; nothing was charged.", RecommendedAction.RetrySame);
                    await RecordFailureAsync(attempt, null, attempt.Channel, operation, closed).ConfigureAwait(false);
                }

                await FireAsync(attempt, PaymentTrigger.Cancel).ConfigureAwait(false);
                await FireAsync(attempt, PaymentTrigger.CancelConfirmed).ConfigureAwait(false);
                Unschedule(attempt);
                break;
            default:
                if (operation == PaymentOperation.Charge && result.Error is not null)
                {
                    await RecordFailureAsync(attempt, null, attempt.Channel, operation, result.Error).ConfigureAwait(false);
                }

                await FireAsync(attempt, PaymentTrigger.OutcomeUnknown).ConfigureAwait(false);
                Schedule(attempt, next);
                break;
        }
    }
}
