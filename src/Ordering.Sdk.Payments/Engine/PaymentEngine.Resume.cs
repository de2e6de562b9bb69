namespace Ordering.Sdk.Payments;

// Rebuilding the engine from the journal on start, then resuming every attempt and refund not final.
internal sealed partial class PaymentEngine
{
    public async ValueTask ResumeAsync(CancellationToken cancellationToken)
    {
        // Runs before the builder hands the engine out: nothing else touches it, so no order's gate is taken.
        var entries = await _journal.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var entry in entries)
            {
                Fold(entry);
            }

            // A crash between journaling a refund's success and the attempt's refund transition leaves the
            // attempt behind its refunds: replay the missing transition now.
            foreach (var attempt in _attempts.Values)
            {
                if (PaymentStateChart.HasCaptured(attempt.State) && attempt.Refunded.MinorUnits > 0)
                {
                    var full = attempt.Refunded == attempt.Captured;
                    if ((attempt.State == PaymentState.Succeeded) || (full && attempt.State == PaymentState.PartiallyRefunded))
                    {
                        await FireAsync(attempt, full ? PaymentTrigger.FullRefund : PaymentTrigger.PartialRefund).ConfigureAwait(false);
                    }
                }
            }

            await CloseUnconfirmedCashAsync().ConfigureAwait(false);
            var now = _time.GetUtcNow();
            foreach (var attempt in _attempts.Values.ToList())
            {
                if (PaymentStateChart.IsInFlight(attempt.State) || (PaymentStateChart.HasCaptured(attempt.State) && attempt.Abandoned && !attempt.AutoRefundStarted))
                {
                    Schedule(attempt, now);
                }
            }

            foreach (var part in _refundParts.Values.ToList())
            {
                if (part.IsOpen)
                {
                    Schedule(part, now);
                }
            }
        }
        finally
        {
            // Everything was folded from the journal without the usual touch points: publish it all.
            PublishAll();
            RaiseEvents();
        }
    }

    // Cash has no channel to ask: the journal is the only record of the cashier's confirmation. A cash tender
    // a crash interrupted before its confirmation was journaled is closed (then cancelled at the channel by
    // ProcessDueWorkAsync) the same way on every restart, and the till is told to take it again.
    private async ValueTask CloseUnconfirmedCashAsync()
    {
        foreach (var attempt in _attempts.Values)
        {
            if (attempt.Channel != PaymentChannelId.Cash || !PaymentStateChart.IsInFlight(attempt.State) || attempt.State == PaymentState.Cancelling)
            {
                continue;
            }

            // Logged first: a crash before the close journals it again on the next start rather than losing it.
            await RecordFailureAsync(
                attempt,
                null,
                PaymentChannelId.Cash,
                PaymentOperation.Charge,
                new ChannelError(FailureCause.Unknown, EngineErrorCodes.CashNotConfirmed, "The engine restarted before the cash tender's confirmation was journaled; the tender was closed.", RecommendedAction.RetrySame)).ConfigureAwait(false);
            if (attempt.State == PaymentState.Created)
            {
                await FireAsync(attempt, PaymentTrigger.Submit).ConfigureAwait(false);
            }

            await FireAsync(attempt, PaymentTrigger.Cancel).ConfigureAwait(false);
        }
    }

    private void Fold(PaymentJournalEntry entry)
    {
        var currency = Currency.TryFromCode(entry.CurrencyCode, out var found) ? found.Value : Currency.Cny;
        switch (entry.Kind)
        {
            case PaymentJournalEntryKind.AttemptCreated:
                var created = new PaymentAttempt(
                    entry.AttemptId,
                    entry.OrderId ?? string.Empty,
                    entry.IdempotencyKey ?? entry.AttemptId,
                    entry.Channel,
                    entry.ChargeKind,
                    new Money(entry.Amount, currency),
                    new Money(entry.Change, currency),
                    entry.PayerId,
                    entry.Timestamp);
                Register(created, new Money(entry.AmountDue, currency));
                break;
            case PaymentJournalEntryKind.StateChanged when _attempts.TryGetValue(entry.AttemptId, out var attempt):
                attempt.State = entry.State;
                attempt.Captured = new Money(entry.Amount, currency);
                attempt.Abandoned = entry.Abandoned;
                attempt.ChannelTransactionId = entry.ChannelTransactionId ?? attempt.ChannelTransactionId;
                break;
            case PaymentJournalEntryKind.RefundRequested when _attempts.TryGetValue(entry.AttemptId, out var refunded) && entry.RefundNumber is not null:
                var groupNumber = entry.IdempotencyKey ?? entry.RefundNumber;
                RefundGroup? group;
                lock (_sync)
                {
                    if (!_refundGroups.TryGetValue(groupNumber, out group))
                    {
                        group = new RefundGroup(groupNumber, refunded.OrderId, new Money(entry.AmountDue, currency), entry.Detail);
                        _refundGroups[groupNumber] = group;
                    }
                }

                AddPart(group, new RefundPart(entry.RefundNumber, groupNumber, refunded, new Money(entry.Amount, currency), entry.Abandoned));
                break;
            case PaymentJournalEntryKind.RefundChanged when entry.RefundNumber is not null && _refundParts.TryGetValue(entry.RefundNumber, out var part):
                var wasOpen = part.IsOpen;
                part.State = entry.RefundState;
                if (wasOpen && !part.IsOpen)
                {
                    part.Attempt.RefundReserved -= part.Amount;
                    if (part.State == RefundState.Succeeded)
                    {
                        part.Attempt.Refunded += part.Amount;
                    }
                }

                break;
            case PaymentJournalEntryKind.NotificationAccepted:
                _inbox.Add(entry.AttemptId);
                break;
            case PaymentJournalEntryKind.FailureRecorded:
                _attempts.TryGetValue(entry.AttemptId, out var failed);
                LogFailure(entry.Sequence, failed, entry.OrderId, entry.Channel, entry.Operation, entry.Cause, entry.Action, entry.RawCode ?? string.Empty, entry.Detail ?? string.Empty, entry.Timestamp);
                break;
        }
    }
}
