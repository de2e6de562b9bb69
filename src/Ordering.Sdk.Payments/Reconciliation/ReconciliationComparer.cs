using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Payments;

// The comparison itself: pure, so a property test can feed it any journal and any bill.
internal static class ReconciliationComparer
{
    public static string OrphanRefundNumber(string merchantOrderNumber) =>
        "RC" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(merchantOrderNumber)))[..30];

    public static (DateTimeOffset Start, DateTimeOffset End) Window(DateOnly day, TimeSpan offset)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), offset);
        return (start, start.AddDays(1));
    }

    // Bills of the neighbouring days, when available, decide the items near midnight.
    public static ReconciliationReport Compare(
        DateOnly day,
        IReadOnlyList<ChannelBill> bills,
        LocalPaymentLedger ledger,
        ReconciliationOptions options,
        IReadOnlyList<ChannelBill>? neighbours = null)
    {
        var (start, end) = Window(day, options.DayOffset);
        var discrepancies = new List<ReconciliationDiscrepancy>();
        var actions = new List<CorrectiveAction>();
        int matchedPayments = 0, matchedRefunds = 0, deferred = 0;
        var stamp = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        void Add(ReconciliationDiscrepancy discrepancy, CorrectiveActionKind kind, Money amount, string? transactionId, string? refundNumber)
        {
            discrepancies.Add(discrepancy);
            var idKey = kind is CorrectiveActionKind.ConfirmPayment or CorrectiveActionKind.ConfirmRefund or CorrectiveActionKind.RefundOrphanCharge
                ? "recon:" + kind + ":" + discrepancy.MerchantOrderNumber + ":" + (refundNumber ?? string.Empty)
                : "recon:" + stamp + ":" + discrepancy.Kind + ":" + discrepancy.MerchantOrderNumber + ":" + (refundNumber ?? string.Empty);
            actions.Add(new CorrectiveAction(idKey, kind, discrepancy.Channel, discrepancy.MerchantOrderNumber, refundNumber, amount, transactionId, discrepancy.Detail));
        }

        foreach (var bill in bills)
        {
            var channel = bill.Channel;
            var paymentsSeen = new HashSet<string>(StringComparer.Ordinal);
            var refundsSeen = new HashSet<string>(StringComparer.Ordinal);
            var refundedAtChannel = bill.Records.Where(r => r.Kind == ChannelBillRecordKind.Refund)
                .GroupBy(r => r.MerchantOrderNumber, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(r => r.Amount.MinorUnits), StringComparer.Ordinal);

            foreach (var record in bill.Records.Where(r => r.Kind == ChannelBillRecordKind.Payment))
            {
                var number = record.MerchantOrderNumber;
                paymentsSeen.Add(number);
                if (ledger.Attempts.TryGetValue(number, out var attempt) && attempt.Channel == channel)
                {
                    if (attempt.HasCaptured)
                    {
                        if (attempt.Captured == record.Amount)
                        {
                            matchedPayments++;
                        }
                        else
                        {
                            Add(new(DiscrepancyKind.AmountMismatch, channel, number, null, attempt.Captured, record.Amount, $"Captured {attempt.Captured} locally, the bill says {record.Amount}."), CorrectiveActionKind.ManualReview, record.Amount, record.ChannelTransactionId, null);
                        }
                    }
                    else if (refundedAtChannel.GetValueOrDefault(number) >= record.Amount.MinorUnits)
                    {
                        // Paid and given back the same day (a cancel that refunded): no money is held.
                        matchedPayments++;
                    }
                    else
                    {
                        Add(new(DiscrepancyKind.StatusMismatch, channel, number, null, attempt.Amount, record.Amount, $"The channel was paid; the journal says {attempt.State}."), CorrectiveActionKind.ConfirmPayment, record.Amount, record.ChannelTransactionId, null);
                    }
                }
                else if (refundedAtChannel.GetValueOrDefault(number) >= record.Amount.MinorUnits
                    && bill.Records.Any(r => r.Kind == ChannelBillRecordKind.Refund && r.MerchantOrderNumber == number && r.RefundNumber == OrphanRefundNumber(number)))
                {
                    // An orphan charge that reconciliation already refunded.
                    matchedPayments++;
                }
                else
                {
                    Add(new(DiscrepancyKind.MissingLocally, channel, number, null, null, record.Amount, "The channel took money for an order number the journal does not know: attach it to an order or refund it."), CorrectiveActionKind.RefundOrphanCharge, record.Amount, record.ChannelTransactionId, OrphanRefundNumber(number));
                }
            }

            foreach (var record in bill.Records.Where(r => r.Kind == ChannelBillRecordKind.Refund))
            {
                var number = record.RefundNumber ?? string.Empty;
                refundsSeen.Add(number);
                var attemptKnown = ledger.Attempts.TryGetValue(record.MerchantOrderNumber, out var attempt) && attempt.Channel == channel;
                if (ledger.Refunds.TryGetValue(number, out var refund) && refund.AttemptId == record.MerchantOrderNumber)
                {
                    switch (refund.State)
                    {
                        case RefundState.Succeeded when refund.Amount == record.Amount:
                            matchedRefunds++;
                            break;
                        case RefundState.Succeeded:
                            Add(new(DiscrepancyKind.AmountMismatch, channel, record.MerchantOrderNumber, number, refund.Amount, record.Amount, $"Refunded {refund.Amount} locally, the bill says {record.Amount}."), CorrectiveActionKind.ManualReview, record.Amount, record.ChannelTransactionId, number);
                            break;
                        case RefundState.Failed:
                            Add(new(DiscrepancyKind.StatusMismatch, channel, record.MerchantOrderNumber, number, refund.Amount, record.Amount, "The channel refunded; the journal says the refund failed."), CorrectiveActionKind.ManualReview, record.Amount, record.ChannelTransactionId, number);
                            break;
                        default:
                            Add(new(DiscrepancyKind.StatusMismatch, channel, record.MerchantOrderNumber, number, refund.Amount, record.Amount, $"The channel refunded; the journal still says {refund.State}."), CorrectiveActionKind.ConfirmRefund, record.Amount, record.ChannelTransactionId, number);
                            break;
                    }
                }
                else if ((!attemptKnown && number == OrphanRefundNumber(record.MerchantOrderNumber)) || (attemptKnown && !attempt!.HasCaptured))
                {
                    // Our own orphan refund, or the money of a payment we never counted going back (cancel).
                    matchedRefunds++;
                }
                else
                {
                    Add(new(DiscrepancyKind.UnknownRefundAtChannel, channel, record.MerchantOrderNumber, number, null, record.Amount, "The channel refunded money the journal never asked to refund."), CorrectiveActionKind.ManualReview, record.Amount, record.ChannelTransactionId, number);
                }
            }

            var neighbour = neighbours?.Where(b => b.Channel == channel).ToList() ?? [];
            foreach (var attempt in ledger.Attempts.Values)
            {
                if (attempt.Channel != channel || !attempt.HasCaptured || attempt.CapturedAt is not { } at || at < start || at >= end || paymentsSeen.Contains(attempt.Id))
                {
                    continue;
                }

                switch (NearBoundary(at, start, end, options.BoundaryTolerance, neighbour, r => r.Kind == ChannelBillRecordKind.Payment && r.MerchantOrderNumber == attempt.Id))
                {
                    case BoundaryVerdict.FoundNextDoor:
                        continue;
                    case BoundaryVerdict.Unknown:
                        deferred++;
                        continue;
                }

                Add(new(DiscrepancyKind.MissingAtChannel, channel, attempt.Id, null, attempt.Captured, null, $"The journal says {attempt.State} with {attempt.Captured} captured; the bill has no such payment."), CorrectiveActionKind.ManualReview, attempt.Captured, attempt.ChannelTransactionId, null);
            }

            foreach (var refund in ledger.Refunds.Values)
            {
                if (refund.Channel != channel || refund.State != RefundState.Succeeded || refund.SucceededAt is not { } at || at < start || at >= end || refundsSeen.Contains(refund.Number))
                {
                    continue;
                }

                switch (NearBoundary(at, start, end, options.BoundaryTolerance, neighbour, r => r.Kind == ChannelBillRecordKind.Refund && r.RefundNumber == refund.Number))
                {
                    case BoundaryVerdict.FoundNextDoor:
                        continue;
                    case BoundaryVerdict.Unknown:
                        deferred++;
                        continue;
                }

                Add(new(DiscrepancyKind.StatusMismatch, channel, refund.AttemptId, refund.Number, refund.Amount, null, "The journal says refunded; the bill has no such refund."), CorrectiveActionKind.RecheckRefund, refund.Amount, null, refund.Number);
            }
        }

        return new ReconciliationReport(day, [.. bills.Select(b => b.Channel)], matchedPayments, matchedRefunds, deferred, discrepancies, actions);
    }

    private static BoundaryVerdict NearBoundary(DateTimeOffset at, DateTimeOffset start, DateTimeOffset end, TimeSpan tolerance, List<ChannelBill> neighbours, Func<ChannelBillRecord, bool> matches)
    {
        var nearStart = at < start + tolerance;
        var nearEnd = at >= end - tolerance;
        if (!nearStart && !nearEnd)
        {
            return BoundaryVerdict.Missing;
        }

        var day = DateOnly.FromDateTime(start.DateTime);
        var neighbourDay = nearEnd ? day.AddDays(1) : day.AddDays(-1);
        var bill = neighbours.FirstOrDefault(b => b.Day == neighbourDay);
        if (bill is null)
        {
            return BoundaryVerdict.Unknown;
        }

        return bill.Records.Any(matches) ? BoundaryVerdict.FoundNextDoor : BoundaryVerdict.Missing;
    }

    private enum BoundaryVerdict
    {
        Missing,
        FoundNextDoor,
        Unknown,
    }
}
