namespace Ordering.Sdk.Payments.Tests.Reconciliation;

// Writes journal entries the way the engine does, for a test to fold.
internal sealed class JournalScript
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(8));

    public List<PaymentJournalEntry> Entries { get; } = [];

    public JournalScript Paid(string id, long fen, DateTimeOffset? at = null, PaymentChannelId channel = PaymentChannelId.Alipay, PaymentState state = PaymentState.Succeeded)
    {
        var when = at ?? Noon;
        Created(id, fen, when, channel);
        Entries.Add(new PaymentJournalEntry { Kind = PaymentJournalEntryKind.StateChanged, Timestamp = when.AddSeconds(2), AttemptId = id, Channel = channel, State = state, Amount = PaymentStateChartCaptures(state) ? fen : 0, ChannelTransactionId = "T" + id });
        return this;
    }

    public JournalScript Created(string id, long fen, DateTimeOffset at, PaymentChannelId channel = PaymentChannelId.Alipay)
    {
        Entries.Add(new PaymentJournalEntry { Kind = PaymentJournalEntryKind.AttemptCreated, Timestamp = at, AttemptId = id, OrderId = "order-" + id, Channel = channel, ChargeKind = ChargeKind.CodePay, Amount = fen, AmountDue = fen });
        return this;
    }

    public JournalScript Refund(string attemptId, string number, long fen, RefundState state, DateTimeOffset? at = null, PaymentChannelId channel = PaymentChannelId.Alipay)
    {
        var when = at ?? Noon.AddHours(1);
        Entries.Add(new PaymentJournalEntry { Kind = PaymentJournalEntryKind.RefundRequested, Timestamp = when, AttemptId = attemptId, Channel = channel, Amount = fen, RefundNumber = number, RefundState = RefundState.Requested });
        if (state != RefundState.Requested)
        {
            Entries.Add(new PaymentJournalEntry { Kind = PaymentJournalEntryKind.RefundChanged, Timestamp = when.AddSeconds(1), AttemptId = attemptId, Channel = channel, Amount = fen, RefundNumber = number, RefundState = state });
        }

        return this;
    }

    public LocalPaymentLedger Fold() => LocalPaymentLedger.Fold(Entries);

    public InMemoryPaymentJournal ToJournal()
    {
        var journal = new InMemoryPaymentJournal();
        foreach (var entry in Entries)
        {
            journal.AppendAsync(entry, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return journal;
    }

    public static ChannelBillRecord Payment(string id, long fen, DateTimeOffset? at = null) =>
        new(PaymentChannelId.Alipay, ChannelBillRecordKind.Payment, id, "T" + id, Money.Fen(fen), at ?? Noon.AddSeconds(2));

    public static ChannelBillRecord RefundRow(string id, string number, long fen, DateTimeOffset? at = null) =>
        new(PaymentChannelId.Alipay, ChannelBillRecordKind.Refund, id, "T" + id, Money.Fen(fen), at ?? Noon.AddHours(1), number);

    private static bool PaymentStateChartCaptures(PaymentState state) => state is PaymentState.Succeeded or PaymentState.PartiallyRefunded or PaymentState.Refunded;
}
