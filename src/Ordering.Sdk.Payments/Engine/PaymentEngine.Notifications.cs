namespace Ordering.Sdk.Payments;

// The notifications inbox: de-duplicated by (channel, notification id), journaled, applied in any order.
// A notification is a hint, the channel's query is the truth: only a success with the right amount for an
// attempt in flight is applied directly; everything else schedules a query.
internal sealed partial class PaymentEngine
{
    public async ValueTask<NotificationDisposition> ApplyNotificationAsync(PaymentNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.NotificationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.MerchantOrderNumber);
        var key = PaymentsMetrics.ChannelTag(notification.Channel) + ":" + notification.NotificationId;
        PaymentAttempt? attempt;
        lock (_sync)
        {
            if (_inbox.Contains(key))
            {
                return NotificationDisposition.Duplicate;
            }

            _attempts.TryGetValue(notification.MerchantOrderNumber, out attempt);
        }

        if (attempt is null || attempt.Channel != notification.Channel)
        {
            try
            {
                await RecordFailureAsync(null, null, notification.Channel, PaymentOperation.Notification, new ChannelError(FailureCause.Risk, EngineErrorCodes.NotificationMismatch, "Notification for an unknown attempt or another channel.")).ConfigureAwait(false);
            }
            finally
            {
                Exit(null);
            }

            return NotificationDisposition.Rejected;
        }

        var book = attempt.Book;
        await EnterAsync(book, cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_sync)
            {
                // A copy delivered concurrently was applied while this one waited for the order's gate.
                if (_inbox.Contains(key))
                {
                    return NotificationDisposition.Duplicate;
                }
            }

            var isPayment = notification.Kind is PaymentNotificationKind.PaymentSucceeded or PaymentNotificationKind.PaymentClosed;
            RefundPart? part = null;
            bool knownRefund;
            lock (_sync)
            {
                knownRefund = notification.RefundNumber is not null && _refundParts.TryGetValue(notification.RefundNumber, out part) && part.Attempt == attempt;
            }

            if (!isPayment && !knownRefund)
            {
                await RecordFailureAsync(attempt, null, notification.Channel, PaymentOperation.Notification, new ChannelError(FailureCause.Risk, EngineErrorCodes.NotificationMismatch, "Refund notification for an unknown refund number.")).ConfigureAwait(false);
                return NotificationDisposition.Rejected;
            }

            var expected = isPayment ? attempt.Amount : part!.Amount;
            if (notification.Kind is PaymentNotificationKind.PaymentSucceeded or PaymentNotificationKind.RefundSucceeded && notification.Amount != expected)
            {
                await RecordFailureAsync(attempt, null, notification.Channel, PaymentOperation.Notification, new ChannelError(FailureCause.Risk, EngineErrorCodes.NotificationMismatch, $"Notified amount {notification.Amount} differs from {expected}.")).ConfigureAwait(false);
                return NotificationDisposition.Rejected;
            }

            await _journal.AppendAsync(
                new PaymentJournalEntry
                {
                    Kind = PaymentJournalEntryKind.NotificationAccepted,
                    Timestamp = _time.GetUtcNow(),
                    AttemptId = key,
                    OrderId = attempt.OrderId,
                    Channel = notification.Channel,
                    CurrencyCode = notification.Amount.Currency.Code,
                    Amount = notification.Amount.MinorUnits,
                    RefundNumber = notification.RefundNumber,
                    ChannelTransactionId = notification.ChannelTransactionId,
                    Detail = notification.MerchantOrderNumber,
                },
                cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                _inbox.Add(key);
            }

            var now = _time.GetUtcNow();
            switch (notification.Kind)
            {
                case PaymentNotificationKind.PaymentSucceeded when attempt.State is PaymentState.Cancelling:
                    // The engine already decided to close or reverse this payment and may have done so at the channel
                    // just before a crash. A reverse or an Alipay cancel gives the money back by itself, so a success
                    // notified now may be older than that: counting it would book money the customer already has
                    // back. The channel's answer to the (idempotent) cancel decides: closed, or paid and then
                    // refunded automatically as a late success.
                    Schedule(attempt, now);
                    return NotificationDisposition.Applied;
                case PaymentNotificationKind.PaymentSucceeded when attempt.State is PaymentState.Pending or PaymentState.AwaitingCustomer:
                    await FireAsync(attempt, PaymentTrigger.Confirm, notification.Amount, notification.ChannelTransactionId).ConfigureAwait(false);
                    if (!(attempt.Abandoned && !attempt.AutoRefundStarted))
                    {
                        Unschedule(attempt);
                    }

                    return NotificationDisposition.Applied;
                case PaymentNotificationKind.PaymentSucceeded when attempt.State is PaymentState.Failed or PaymentState.Cancelled:
                    attempt.NeedsVerification = true;
                    Schedule(attempt, now);
                    return NotificationDisposition.Applied;
                case PaymentNotificationKind.PaymentClosed when PaymentStateChart.IsInFlight(attempt.State):
                    Schedule(attempt, now);
                    return NotificationDisposition.Applied;
                case PaymentNotificationKind.RefundSucceeded or PaymentNotificationKind.RefundClosed when part!.IsOpen:
                    Schedule(part, now);
                    return NotificationDisposition.Applied;
                default:
                    return NotificationDisposition.Ignored;
            }
        }
        finally
        {
            Exit(book);
        }
    }
}
