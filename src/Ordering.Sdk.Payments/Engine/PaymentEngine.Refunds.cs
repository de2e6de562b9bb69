using System.Globalization;
using System.Text;

namespace Ordering.Sdk.Payments;

// Refunds: idempotent by refund number, spread over the order's captured tenders, never above what was
// captured minus refunded, journaled before they leave, resolved by refund query.
internal sealed partial class PaymentEngine
{
    private const int MaxRefundNumberLength = 48;

    public async ValueTask<RefundSnapshot> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default)
    {
        var (amount, detail) = ValidateRefund(request);
        OrderBook? book;
        lock (_sync)
        {
            _orders.TryGetValue(request.OrderId, out book);
        }

        if (book is null)
        {
            throw new ArgumentException($"OrderId: no payments are known for order '{request.OrderId}'.", nameof(request));
        }

        RefundGroup group;
        List<RefundPart> toSend;
        await EnterAsync(book, cancellationToken).ConfigureAwait(false);
        try
        {
            var isNew = false;
            lock (_sync)
            {
                // The number is reserved before its first part is journaled: a concurrent refund with the same
                // number on another order (same-order refunds wait for this gate) sees it and is refused.
                if (!_refundGroups.TryGetValue(request.RefundNumber, out group!))
                {
                    group = new RefundGroup(request.RefundNumber, request.OrderId, amount, detail);
                    _refundGroups.Add(group.Number, group);
                    isNew = true;
                }
            }

            try
            {
                toSend = await PlanRefundAsync(request, book, group, amount, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (isNew && group.Parts.Count == 0)
                {
                    lock (_sync)
                    {
                        _refundGroups.Remove(group.Number);
                    }
                }
            }
        }
        finally
        {
            Exit(book);
        }

        try
        {
            foreach (var part in toSend)
            {
                await SendRefundAsync(part, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Parts not sent or not answered (the caller cancelled) are resumed by ProcessDueWorkAsync: query, then re-send.
            await EnterAsync(book, CancellationToken.None).ConfigureAwait(false);
            try
            {
                foreach (var part in toSend)
                {
                    bool unscheduled;
                    lock (_sync)
                    {
                        part.Busy = false;
                        unscheduled = part.DueAt is null;
                    }

                    if (part.IsOpen && unscheduled)
                    {
                        part.Sent = false;
                        Schedule(part, _time.GetUtcNow());
                    }
                }
            }
            finally
            {
                Exit(book);
            }
        }

        await EnterAsync(book, CancellationToken.None).ConfigureAwait(false);
        try
        {
            return group.ToSnapshot();
        }
        finally
        {
            Exit(book);
        }
    }

    // Journals the parts a refund is spread over; the caller holds the order's gate.
    private async ValueTask<List<RefundPart>> PlanRefundAsync(RefundRequest request, OrderBook book, RefundGroup group, Money amount, CancellationToken cancellationToken)
    {
        if (!string.Equals(group.OrderId, request.OrderId, StringComparison.Ordinal) || group.Amount != amount)
        {
            throw new ArgumentException($"RefundNumber: '{request.RefundNumber}' was already used for a different refund (order {group.OrderId}, {group.Amount}).", nameof(request));
        }

        if (book.Attempts.Count == 0)
        {
            throw new ArgumentException($"OrderId: no payments are known for order '{request.OrderId}'.", nameof(request));
        }

        // A repeated refund number completes a refund a crash interrupted between its parts; otherwise it is a no-op.
        var created = new List<RefundPart>();
        var left = group.Amount;
        foreach (var existingPart in group.Parts)
        {
            left -= existingPart.Amount;
        }

        if (left.MinorUnits <= 0)
        {
            return created;
        }

        var sources = new List<PaymentAttempt>();
        var refundable = Money.Zero(amount.Currency);
        foreach (var attempt in book.Attempts)
        {
            if (attempt.CountsTowardsOrder && attempt.Refundable.MinorUnits > 0 && (request.AttemptId is null || string.Equals(request.AttemptId, attempt.Id, StringComparison.Ordinal)))
            {
                sources.Add(attempt);
                refundable += attempt.Refundable;
            }
        }

        if (left.Currency != refundable.Currency || left > refundable)
        {
            throw new ArgumentException($"Amount: {left} exceeds what is refundable on order '{request.OrderId}' ({refundable}: captured minus refunded and refunds in progress).", nameof(request));
        }

        foreach (var attempt in sources)
        {
            if (left.IsZero)
            {
                break;
            }

            var take = attempt.Refundable < left ? attempt.Refundable : left;
            var number = string.Create(CultureInfo.InvariantCulture, $"{request.RefundNumber}-{group.Parts.Count + 1}");
            var part = await AppendRefundPartAsync(group, attempt, number, take, automatic: false, cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                part.Busy = true;
            }

            created.Add(part);
            left -= take;
        }

        return created;
    }

    private static (Money Amount, string? Detail) ValidateRefund(RefundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OrderId))
        {
            throw new ArgumentException("OrderId: is required.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.RefundNumber) || request.RefundNumber.Length > MaxRefundNumberLength || !IsSafeNumber(request.RefundNumber))
        {
            throw new ArgumentException($"RefundNumber: is required, at most {MaxRefundNumberLength} characters of 0-9 A-Z a-z _ -.", nameof(request));
        }

        if ((request.Amount is null) == (request.Lines is null))
        {
            throw new ArgumentException("Amount, Lines: set exactly one of them.", nameof(request));
        }

        if (request.Amount is { } amount)
        {
            if (amount.MinorUnits <= 0)
            {
                throw new ArgumentException($"Amount: must be positive, was {amount}.", nameof(request));
            }

            return (amount, request.Reason);
        }

        var lines = request.Lines!;
        if (lines.Count == 0)
        {
            throw new ArgumentException("Lines: must not be empty.", nameof(request));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = Money.Zero(lines[0].Amount.Currency);
        var detail = new StringBuilder();
        foreach (var line in lines)
        {
            if (line is null || string.IsNullOrWhiteSpace(line.LineId) || !seen.Add(line.LineId))
            {
                throw new ArgumentException("Lines: every line needs a distinct, non-empty LineId.", nameof(request));
            }

            if (line.Amount.MinorUnits <= 0)
            {
                throw new ArgumentException($"Lines: line '{line.LineId}' amount must be positive, was {line.Amount}.", nameof(request));
            }

            total += line.Amount;
            detail.Append(CultureInfo.InvariantCulture, $"{line.LineId}={line.Amount.MinorUnits};");
        }

        return (total, detail.ToString());
    }

    private static bool IsSafeNumber(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private async ValueTask<RefundPart> AppendRefundPartAsync(RefundGroup group, PaymentAttempt attempt, string number, Money amount, bool automatic, CancellationToken cancellationToken)
    {
        await _journal.AppendAsync(
            new PaymentJournalEntry
            {
                Kind = PaymentJournalEntryKind.RefundRequested,
                Timestamp = _time.GetUtcNow(),
                AttemptId = attempt.Id,
                OrderId = group.OrderId,
                IdempotencyKey = group.Number,
                Channel = attempt.Channel,
                CurrencyCode = amount.Currency.Code,
                Amount = amount.MinorUnits,
                AmountDue = group.Amount.MinorUnits,
                RefundNumber = number,
                RefundState = RefundState.Requested,
                Abandoned = automatic,
                Detail = group.Detail,
            },
            cancellationToken).ConfigureAwait(false);
        var part = new RefundPart(number, group.Number, attempt, amount, automatic);
        AddPart(group, part);
        return part;
    }

    // The caller holds the order's gate (or is resuming).
    private void AddPart(RefundGroup group, RefundPart part)
    {
        if (group.Parts.Count == 0)
        {
            part.Attempt.Book.Refunds.Add(group);
        }

        group.Parts.Add(part);
        lock (_sync)
        {
            _refundParts[part.Number] = part;
        }

        part.Attempt.RefundReserved += part.Amount;
        Touch(part.Attempt);
        if (part.Automatic)
        {
            part.Attempt.AutoRefundStarted = true;
        }
    }

    // The caller holds the attempt's order's gate.
    private async ValueTask StartAutoRefundAsync(PaymentAttempt attempt)
    {
        var number = attempt.Id + "-auto";
        var amount = attempt.Refundable;
        bool taken;
        lock (_sync)
        {
            taken = _refundGroups.ContainsKey(number);
        }

        if (amount.MinorUnits <= 0 || taken)
        {
            attempt.AutoRefundStarted = true;
            return;
        }

        var group = new RefundGroup(number, attempt.OrderId, amount, "automatic: captured after the engine gave up");
        var part = await AppendRefundPartAsync(group, attempt, number + "-1", amount, automatic: true, CancellationToken.None).ConfigureAwait(false);
        lock (_sync)
        {
            _refundGroups[number] = group;
        }

        Schedule(part, _time.GetUtcNow());
        PaymentsMetrics.LateSuccess(attempt.Channel);
        await RecordFailureAsync(attempt, null, attempt.Channel, PaymentOperation.Charge, new ChannelError(FailureCause.Duplicate, EngineErrorCodes.LateSuccessRefunded, "Captured after the engine gave up; refunded automatically.", RecommendedAction.QueryThenDecide)).ConfigureAwait(false);
        QueueEvent(attempt.Book, new LateSuccessEventArgs(attempt.ToSnapshot(), part.Number));
    }

    private async ValueTask SendRefundAsync(RefundPart part, CancellationToken cancellationToken)
    {
        if (!TryGetSlot(part.Attempt.Channel, out var slot))
        {
            return;
        }

        var request = new RefundChannelRequest(part.Attempt.Id, part.Number, part.Amount, part.Attempt.Captured, part.Attempt.PayerId);
        part.Sent = true;
        var result = await CallAsync(slot, PaymentOperation.Refund, (channel, token) => channel.RefundAsync(request, token), cancellationToken).ConfigureAwait(false);
        var book = part.Attempt.Book;
        await EnterAsync(book, CancellationToken.None).ConfigureAwait(false);
        try
        {
            await ApplyRefundResultAsync(part, slot.Policy, result, PaymentOperation.Refund).ConfigureAwait(false);
        }
        finally
        {
            Exit(book);
        }
    }

    private async ValueTask ProcessRefundPartAsync(RefundPart part, CancellationToken cancellationToken)
    {
        var book = part.Attempt.Book;
        bool open;
        await EnterAsync(book, cancellationToken).ConfigureAwait(false);
        try
        {
            open = part.IsOpen;
            if (!open || !TryGetSlot(part.Attempt.Channel, out _))
            {
                Unschedule(part);
            }
        }
        finally
        {
            Exit(book);
        }

        if (!open || !TryGetSlot(part.Attempt.Channel, out var slot))
        {
            return;
        }

        var attemptId = part.Attempt.Id;
        var number = part.Number;
        var result = await CallAsync(slot, PaymentOperation.RefundQuery, (channel, token) => channel.QueryRefundAsync(attemptId, number, token), cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ChannelOutcome.NotFound)
        {
            // The channel never saw it (lost, or journaled just before a crash): send it, same number.
            await SendRefundAsync(part, cancellationToken).ConfigureAwait(false);
            return;
        }

        await EnterAsync(book, CancellationToken.None).ConfigureAwait(false);
        try
        {
            await ApplyRefundResultAsync(part, slot.Policy, result, PaymentOperation.RefundQuery).ConfigureAwait(false);
        }
        finally
        {
            Exit(book);
        }
    }

    // The caller holds the attempt's order's gate.
    private async ValueTask ApplyRefundResultAsync(RefundPart part, ChannelPolicy policy, ChannelResult result, PaymentOperation operation)
    {
        if (!part.IsOpen)
        {
            Unschedule(part);
            return;
        }

        var attempt = part.Attempt;
        switch (result.Outcome)
        {
            case ChannelOutcome.Succeeded:
                await AppendRefundChangeAsync(part, RefundState.Succeeded, result.ChannelTransactionId, null).ConfigureAwait(false);
                attempt.RefundReserved -= part.Amount;
                attempt.Refunded += part.Amount;
                Touch(attempt);
                await FireAsync(attempt, attempt.Refunded == attempt.Captured ? PaymentTrigger.FullRefund : PaymentTrigger.PartialRefund).ConfigureAwait(false);
                PaymentsMetrics.RefundResolved(attempt.Channel, RefundState.Succeeded);
                Unschedule(part);
                break;
            case ChannelOutcome.Declined or ChannelOutcome.Cancelled:
                var error = result.Error ?? new ChannelError(FailureCause.Unknown, "REFUND_CLOSED", "The refund was closed by the channel.");
                await RecordFailureAsync(attempt, null, attempt.Channel, operation, error).ConfigureAwait(false);
                await AppendRefundChangeAsync(part, RefundState.Failed, null, error.RawCode).ConfigureAwait(false);
                attempt.RefundReserved -= part.Amount;
                PaymentsMetrics.RefundResolved(attempt.Channel, RefundState.Failed);
                Unschedule(part);
                break;
            case ChannelOutcome.Processing:
                if (part.State != RefundState.Processing)
                {
                    await AppendRefundChangeAsync(part, RefundState.Processing, result.ChannelTransactionId, null).ConfigureAwait(false);
                }

                Schedule(part, _time.GetUtcNow() + policy.RefundQueryInterval);
                break;
            default:
                if (operation == PaymentOperation.Refund && result.Error is not null)
                {
                    await RecordFailureAsync(attempt, null, attempt.Channel, operation, result.Error).ConfigureAwait(false);
                }

                Schedule(part, _time.GetUtcNow() + policy.RefundQueryInterval);
                break;
        }
    }

    private async ValueTask AppendRefundChangeAsync(RefundPart part, RefundState state, string? channelRefundId, string? rawCode)
    {
        await _journal.AppendAsync(
            new PaymentJournalEntry
            {
                Kind = PaymentJournalEntryKind.RefundChanged,
                Timestamp = _time.GetUtcNow(),
                AttemptId = part.Attempt.Id,
                Channel = part.Attempt.Channel,
                CurrencyCode = part.Amount.Currency.Code,
                Amount = part.Amount.MinorUnits,
                RefundNumber = part.Number,
                RefundState = state,
                ChannelTransactionId = channelRefundId,
                RawCode = rawCode,
            },
            CancellationToken.None).ConfigureAwait(false);
        part.State = state;
        Touch(part.Attempt);
    }
}
