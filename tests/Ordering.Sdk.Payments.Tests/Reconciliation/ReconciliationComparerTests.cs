using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ordering.Sdk.Payments.Tests.Reconciliation;

public sealed class ReconciliationComparerTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly ReconciliationOptions Options = new();

    [Fact]
    public void Compare_SeededDiscrepancies_FindsEachOnceAndNothingElse()
    {
        var journal = new JournalScript()
            .Paid("OK1", 1000)
            .Paid("OK2", 500).Refund("OK2", "OK2-r", 200, RefundState.Succeeded)
            .Paid("AMT", 800)
            .Paid("GONE", 300)
            .Paid("FAILED", 400, state: PaymentState.Failed)
            .Paid("REF", 900).Refund("REF", "REF-r", 900, RefundState.Succeeded)
            .Paid("PEND", 700).Refund("PEND", "PEND-r", 100, RefundState.Processing)
            .Paid("CANCELLED", 650, state: PaymentState.Cancelled);
        var bill = new ChannelBill(PaymentChannelId.Alipay, Day,
        [
            JournalScript.Payment("OK1", 1000),
            JournalScript.Payment("OK2", 500), JournalScript.RefundRow("OK2", "OK2-r", 200),
            JournalScript.Payment("AMT", 801),
            JournalScript.Payment("FAILED", 400),
            JournalScript.Payment("ORPHAN", 1200),
            JournalScript.Payment("REF", 900),
            JournalScript.Payment("PEND", 700), JournalScript.RefundRow("PEND", "PEND-r", 100),
            JournalScript.Payment("CANCELLED", 650), JournalScript.RefundRow("CANCELLED", "cancel-CANCELLED", 650),
            JournalScript.RefundRow("OK1", "MYSTERY", 10),
        ]);

        var report = ReconciliationComparer.Compare(Day, [bill], journal.Fold(), Options);

        var found = report.Discrepancies.Select(d => (d.Kind, d.MerchantOrderNumber)).OrderBy(x => x.MerchantOrderNumber, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                (DiscrepancyKind.AmountMismatch, "AMT"),
                (DiscrepancyKind.StatusMismatch, "FAILED"),
                (DiscrepancyKind.MissingAtChannel, "GONE"),
                (DiscrepancyKind.UnknownRefundAtChannel, "OK1"),
                (DiscrepancyKind.MissingLocally, "ORPHAN"),
                (DiscrepancyKind.StatusMismatch, "PEND"),
                (DiscrepancyKind.StatusMismatch, "REF"),
            ],
            found);
        Assert.Equal(
            [CorrectiveActionKind.ManualReview, CorrectiveActionKind.ConfirmPayment, CorrectiveActionKind.ManualReview, CorrectiveActionKind.ManualReview, CorrectiveActionKind.RefundOrphanCharge, CorrectiveActionKind.ConfirmRefund, CorrectiveActionKind.RecheckRefund],
            report.Actions.OrderBy(a => a.MerchantOrderNumber, StringComparer.Ordinal).Select(a => a.Kind));
        Assert.Equal(5, report.MatchedPayments);
        Assert.Equal(2, report.MatchedRefunds);
        Assert.False(report.IsBalanced);
        var orphan = report.Actions.Single(a => a.Kind == CorrectiveActionKind.RefundOrphanCharge);
        Assert.Equal((Money.Fen(1200), ReconciliationComparer.OrphanRefundNumber("ORPHAN")), (orphan.Amount, orphan.RefundNumber));
    }

    [Fact]
    public void Compare_SameInputTwice_GivesSameActionIds()
    {
        var journal = new JournalScript().Paid("A", 100);
        var bill = new ChannelBill(PaymentChannelId.Alipay, Day, [JournalScript.Payment("B", 100)]);

        var first = ReconciliationComparer.Compare(Day, [bill], journal.Fold(), Options);
        var second = ReconciliationComparer.Compare(Day, [bill], journal.Fold(), Options);

        Assert.Equal(first.Actions.Select(a => a.Id), second.Actions.Select(a => a.Id));
        Assert.Equal(2, first.Actions.Count);
    }

    [Fact]
    public void Compare_OtherChannelsAndOtherDays_AreNotExpectedInThisBill()
    {
        var journal = new JournalScript()
            .Paid("WX", 100, channel: PaymentChannelId.WeChatPay)
            .Paid("YESTERDAY", 100, JournalScript.Noon.AddDays(-1))
            .Paid("TOMORROW", 100, JournalScript.Noon.AddDays(1));

        var report = ReconciliationComparer.Compare(Day, [new ChannelBill(PaymentChannelId.Alipay, Day, [])], journal.Fold(), Options);

        Assert.True(report.IsBalanced);
    }

    [Fact]
    public void Compare_PaidJustBeforeMidnight_IsDeferredUntilTheNextBillDecides()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 24, 23, 58, 30, TimeSpan.FromHours(8));
        var journal = new JournalScript().Paid("LATE", 100, lateEvening).Fold();
        var bill = new ChannelBill(PaymentChannelId.Alipay, Day, []);
        var nextWith = new ChannelBill(PaymentChannelId.Alipay, Day.AddDays(1), [JournalScript.Payment("LATE", 100, lateEvening.AddMinutes(2))]);
        var nextWithout = new ChannelBill(PaymentChannelId.Alipay, Day.AddDays(1), []);

        var unknown = ReconciliationComparer.Compare(Day, [bill], journal, Options);
        var found = ReconciliationComparer.Compare(Day, [bill], journal, Options, [nextWith]);
        var missing = ReconciliationComparer.Compare(Day, [bill], journal, Options, [nextWithout]);

        Assert.Equal((1, true), (unknown.Deferred, unknown.IsBalanced));
        Assert.Equal((0, true), (found.Deferred, found.IsBalanced));
        Assert.Equal(DiscrepancyKind.MissingAtChannel, Assert.Single(missing.Discrepancies).Kind);
    }

    [Fact]
    public void Compare_DayBoundaryInChinaTime_NotUtc()
    {
        // 2026-11-24 00:30 CST is still 2026-11-23 in UTC: it belongs to the 24th.
        var earlyMorning = new DateTimeOffset(2026, 11, 24, 0, 30, 0, TimeSpan.FromHours(8));
        var journal = new JournalScript().Paid("EARLY", 100, earlyMorning).Fold();

        var report = ReconciliationComparer.Compare(Day, [new ChannelBill(PaymentChannelId.Alipay, Day, [])], journal, Options);
        var dayBefore = ReconciliationComparer.Compare(Day.AddDays(-1), [new ChannelBill(PaymentChannelId.Alipay, Day.AddDays(-1), [])], journal, Options);

        Assert.Equal(DiscrepancyKind.MissingAtChannel, Assert.Single(report.Discrepancies).Kind);
        Assert.True(dayBefore.IsBalanced);
    }

    [Property(MaxTest = 200)]
    public Property Compare_RandomJournalAndPerturbedBill_FindsExactlyTheInjectedDiscrepancies()
    {
        var gen =
            from count in Gen.Choose(0, 25)
            from amounts in Gen.ArrayOf(Gen.Choose(1, 500_000), count)
            from refundShares in Gen.ArrayOf(Gen.Choose(0, 3), count)
            from perturbations in Gen.ArrayOf(Gen.Choose(0, 8), count)
            from orphans in Gen.Choose(0, 3)
            select (amounts, refundShares, perturbations, orphans);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (amounts, refundShares, perturbations, orphans) = input;
            var journal = new JournalScript();
            var records = new List<ChannelBillRecord>();
            var expected = new List<(DiscrepancyKind, string)>();
            for (var i = 0; i < amounts.Length; i++)
            {
                var id = "P" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                long fen = amounts[i];
                var refundFen = refundShares[i] == 0 ? 0 : Math.Max(1, fen / (refundShares[i] + 1));
                var at = JournalScript.Noon.AddMinutes(i);
                switch (perturbations[i])
                {
                    case 1:
                        // The bill lost the payment.
                        journal.Paid(id, fen, at);
                        expected.Add((DiscrepancyKind.MissingAtChannel, id));
                        refundFen = 0;
                        break;
                    case 2:
                        // The channel recorded another amount.
                        journal.Paid(id, fen, at);
                        records.Add(JournalScript.Payment(id, fen + 1, at));
                        expected.Add((DiscrepancyKind.AmountMismatch, id));
                        refundFen = 0;
                        break;
                    case 3:
                        // We gave up on a payment the channel completed.
                        journal.Paid(id, fen, at, state: PaymentState.Failed);
                        records.Add(JournalScript.Payment(id, fen, at));
                        expected.Add((DiscrepancyKind.StatusMismatch, id));
                        refundFen = 0;
                        break;
                    case 4 when refundFen > 0:
                        // We think refunded; the channel has no refund.
                        journal.Paid(id, fen, at).Refund(id, id + "-r", refundFen, RefundState.Succeeded, at.AddSeconds(30));
                        records.Add(JournalScript.Payment(id, fen, at));
                        expected.Add((DiscrepancyKind.StatusMismatch, id));
                        refundFen = 0;
                        break;
                    case 5 when refundFen > 0:
                        // The refund amounts differ.
                        journal.Paid(id, fen, at).Refund(id, id + "-r", refundFen, RefundState.Succeeded, at.AddSeconds(30));
                        records.Add(JournalScript.Payment(id, fen, at));
                        records.Add(JournalScript.RefundRow(id, id + "-r", refundFen + 1, at.AddSeconds(31)));
                        expected.Add((DiscrepancyKind.AmountMismatch, id));
                        refundFen = 0;
                        break;
                    case 6:
                        // A refund we never asked for.
                        journal.Paid(id, fen, at);
                        records.Add(JournalScript.Payment(id, fen, at));
                        records.Add(JournalScript.RefundRow(id, id + "-x", 1, at.AddSeconds(40)));
                        expected.Add((DiscrepancyKind.UnknownRefundAtChannel, id));
                        refundFen = 0;
                        break;
                    default:
                        journal.Paid(id, fen, at);
                        records.Add(JournalScript.Payment(id, fen, at));
                        break;
                }

                if (refundFen > 0)
                {
                    journal.Refund(id, id + "-r", refundFen, RefundState.Succeeded, at.AddSeconds(30));
                    records.Add(JournalScript.RefundRow(id, id + "-r", refundFen, at.AddSeconds(31)));
                }
            }

            for (var o = 0; o < orphans; o++)
            {
                var id = "O" + o.ToString(System.Globalization.CultureInfo.InvariantCulture);
                records.Add(JournalScript.Payment(id, 100 + o, JournalScript.Noon.AddHours(2)));
                expected.Add((DiscrepancyKind.MissingLocally, id));
            }

            var report = ReconciliationComparer.Compare(Day, [new ChannelBill(PaymentChannelId.Alipay, Day, records)], journal.Fold(), Options);
            var found = report.Discrepancies.Select(d => (d.Kind, d.MerchantOrderNumber)).OrderBy(x => x.MerchantOrderNumber, StringComparer.Ordinal).ThenBy(x => x.Kind).ToList();
            var want = expected.OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.Item1).ToList();
            return found.SequenceEqual(want) && report.Actions.Count == report.Discrepancies.Count && report.Deferred == 0;
        });
    }
}
