namespace Ordering.Sdk.Payments;

// The journal folded into what reconciliation needs: each attempt's last state and when it captured,
// each refund part's last state and when it succeeded.
internal sealed class LocalPaymentLedger
{
    public Dictionary<string, LocalAttempt> Attempts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LocalRefund> Refunds { get; } = new(StringComparer.Ordinal);

    public static LocalPaymentLedger Fold(IEnumerable<PaymentJournalEntry> entries)
    {
        var ledger = new LocalPaymentLedger();
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case PaymentJournalEntryKind.AttemptCreated:
                    ledger.Attempts[entry.AttemptId] = new LocalAttempt(entry.AttemptId, entry.Channel, new Money(entry.Amount, CurrencyOf(entry.CurrencyCode)));
                    break;
                case PaymentJournalEntryKind.StateChanged when ledger.Attempts.TryGetValue(entry.AttemptId, out var attempt):
                    attempt.State = entry.State;
                    attempt.Captured = new Money(entry.Amount, attempt.Amount.Currency);
                    attempt.ChannelTransactionId = entry.ChannelTransactionId ?? attempt.ChannelTransactionId;
                    if (PaymentStateChart.HasCaptured(entry.State))
                    {
                        attempt.CapturedAt ??= entry.Timestamp;
                    }

                    break;
                case PaymentJournalEntryKind.RefundRequested when entry.RefundNumber is not null:
                    ledger.Refunds[entry.RefundNumber] = new LocalRefund(entry.RefundNumber, entry.AttemptId, entry.Channel, new Money(entry.Amount, CurrencyOf(entry.CurrencyCode)));
                    break;
                case PaymentJournalEntryKind.RefundChanged when entry.RefundNumber is not null && ledger.Refunds.TryGetValue(entry.RefundNumber, out var refund):
                    refund.State = entry.RefundState;
                    if (entry.RefundState == RefundState.Succeeded)
                    {
                        refund.SucceededAt ??= entry.Timestamp;
                    }

                    break;
            }
        }

        return ledger;
    }

    private static Currency CurrencyOf(string code) => Currency.TryFromCode(code, out var currency) ? currency.Value : Currency.Cny;

    internal sealed class LocalAttempt(string id, PaymentChannelId channel, Money amount)
    {
        public string Id { get; } = id;

        public PaymentChannelId Channel { get; } = channel;

        public Money Amount { get; } = amount;

        public PaymentState State { get; set; } = PaymentState.Created;

        public Money Captured { get; set; } = Money.Zero(amount.Currency);

        public DateTimeOffset? CapturedAt { get; set; }

        public string? ChannelTransactionId { get; set; }

        public bool HasCaptured => PaymentStateChart.HasCaptured(State);
    }

    internal sealed class LocalRefund(string number, string attemptId, PaymentChannelId channel, Money amount)
    {
        public string Number { get; } = number;

        public string AttemptId { get; } = attemptId;

        public PaymentChannelId Channel { get; } = channel;

        public Money Amount { get; } = amount;

        public RefundState State { get; set; } = RefundState.Requested;

        public DateTimeOffset? SucceededAt { get; set; }
    }
}
