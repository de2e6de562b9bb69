using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.Engine;

// What survives a restart: cash tenders (confirmed ones stay confirmed, unconfirmed ones are closed the same
// way every time) and the failure log.
public sealed class RestartTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPaymentJournal _durable = new();
    private readonly StoredValueLedger _ledger = new();

    [Theory]
    [InlineData(PaymentTrigger.Submit)]
    [InlineData(PaymentTrigger.Confirm)]
    public async Task BuildAsync_CashInterruptedBeforeConfirmation_ClosesItAndAsksToTakeItAgain(PaymentTrigger diesAt)
    {
        var dying = new DyingJournal(_durable, e => e.Kind == PaymentJournalEntryKind.StateChanged && e.Trigger == diesAt);
        var first = await BuildAsync(dying, new CashChannel());
        await Assert.ThrowsAsync<IOException>(async () => await first.PayAsync(EngineHarness.CashTender("O1", 3000, 3000, 5000, "k1")));
        Assert.True(dying.Died);

        // A new process: a new cash drawer that knows nothing of the interrupted tender.
        var second = await BuildAsync(_durable, new CashChannel());
        await second.ProcessDueWorkAsync();

        var attempt = Assert.Single(second.GetAttempts("O1"));
        Assert.Equal(PaymentState.Cancelled, attempt.State);
        Assert.True(attempt.IsAbandoned);
        Assert.Equal(EngineErrorCodes.CashNotConfirmed, attempt.LastFailure!.RawCode);
        Assert.Equal(RecommendedAction.RetrySame, attempt.LastFailure.Action);
        Assert.False(second.GetOrderStatus("O1").IsSettled);
        Assert.Null(second.NextDueAt);

        // The till re-sends with the same key and sees the closed attempt; a new key takes the cash.
        Assert.Equal(PaymentState.Cancelled, (await second.PayAsync(EngineHarness.CashTender("O1", 3000, 3000, 5000, "k1"))).State);
        Assert.Equal(PaymentState.Succeeded, (await second.PayAsync(EngineHarness.CashTender("O1", 3000, 3000, 5000, "k2"))).State);
        Assert.True(second.GetOrderStatus("O1").IsSettled);
    }

    [Fact]
    public async Task BuildAsync_CashInterrupted_IsResolvedIdenticallyOnEveryRestart()
    {
        var dying = new DyingJournal(_durable, e => e.Kind == PaymentJournalEntryKind.StateChanged);
        var first = await BuildAsync(dying, new CashChannel());
        await Assert.ThrowsAsync<IOException>(async () => await first.PayAsync(EngineHarness.CashTender("O1", 3000, 3000, 3000, "k1")));
        var afterCrash = (await _durable.ReadAllAsync(CancellationToken.None)).Count;

        // The first restart dies while closing the tender; the second finishes the job without repeating it.
        var secondDies = new DyingJournal(_durable, e => e.Kind == PaymentJournalEntryKind.StateChanged && e.Trigger == PaymentTrigger.Cancel);
        await Assert.ThrowsAsync<IOException>(async () => await BuildAsync(secondDies, new CashChannel()));
        var third = await BuildAsync(_durable, new CashChannel());
        await third.ProcessDueWorkAsync();
        var fourth = await BuildAsync(_durable, new CashChannel());

        Assert.True((await _durable.ReadAllAsync(CancellationToken.None)).Count > afterCrash);
        Assert.Equal(PaymentState.Cancelled, Assert.Single(third.GetAttempts("O1")).State);
        Assert.Equal(PaymentState.Cancelled, Assert.Single(fourth.GetAttempts("O1")).State);
        Assert.Null(fourth.NextDueAt);
    }

    [Fact]
    public async Task BuildAsync_CashConfirmedBeforeTheCrash_StaysConfirmedAndCanBeRefunded()
    {
        var first = await BuildAsync(_durable, new CashChannel());
        var paid = await first.PayAsync(EngineHarness.CashTender("O1", 3000, 3000, 5000, "k1"));
        Assert.Equal(PaymentState.Succeeded, paid.State);

        var second = await BuildAsync(_durable, new CashChannel());
        await second.ProcessDueWorkAsync();
        var attempt = second.GetAttempt(paid.AttemptId)!;
        Assert.Equal(PaymentState.Succeeded, attempt.State);
        Assert.Equal(Money.Fen(2000), attempt.Change);
        Assert.True(second.GetOrderStatus("O1").IsSettled);
        Assert.Empty(second.GetFailures());

        var refund = await second.RefundAsync(new RefundRequest("O1", "R1") { Amount = Money.Fen(1000) });
        await second.ProcessDueWorkAsync();
        Assert.Equal(RefundState.Succeeded, second.GetRefund(refund.RefundNumber)!.State);
        Assert.Equal(PaymentState.PartiallyRefunded, second.GetAttempt(paid.AttemptId)!.State);
    }

    [Fact]
    public async Task GetFailures_AfterRestart_ReturnsTheSameFailures()
    {
        var first = await BuildAsync(_durable, new CashChannel());
        _ledger.TopUp("M1", Money.Fen(100), Money.Fen(0), "t1");
        await first.PayAsync(new TenderRequest("O1", Money.Fen(500), Money.Fen(500), ChargeKind.StoredValue, "k1") { PayerId = "M1" });
        await first.PayAsync(EngineHarness.Code("O2", 500, 500, "k2", code: "9912345678"));
        await first.ApplyNotificationAsync(new PaymentNotification(PaymentChannelId.StoredValue, "n1", PaymentNotificationKind.PaymentSucceeded, "nobody", Money.Fen(1)));
        _time.Advance(TimeSpan.FromSeconds(3));
        await first.PayAsync(EngineHarness.Code("O3", 500, 500, "k3", code: "9912345679"));
        var before = first.GetFailures();
        Assert.Equal(4, before.Count);

        var second = await BuildAsync(_durable, new CashChannel());

        Assert.Equal(before.Select(Describe), second.GetFailures().Select(Describe));
        Assert.Equal(before.Where(f => f.OrderId == "O2").Select(Describe), second.GetFailures("O2").Select(Describe));
        var declined = second.GetAttempts("O1").Single();
        Assert.Equal("INSUFFICIENT_BALANCE", declined.LastFailure!.RawCode);
        Assert.Equal(before[0].CustomerMessageZhCn, declined.LastFailure.CustomerMessageZhCn);
    }

    private static string Describe(PaymentFailure f) => string.Join(
        '|', f.AttemptId, f.OrderId, f.Channel, f.Operation, f.Cause, f.Action, f.RawCode, f.RawMessage, f.StaffMessageZhCn, f.StaffMessageEn, f.CustomerMessageZhCn, f.CustomerMessageEn, f.OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private async Task<IPaymentEngine> BuildAsync(IPaymentJournal journal, CashChannel cash) =>
        await new PaymentEngineBuilder()
            .AddChannel(cash, EngineHarness.NoBackOff(ChannelPolicy.Local()))
            .AddChannel(new StoredValueChannel(_ledger), EngineHarness.NoBackOff(ChannelPolicy.Local()))
            .AddChannel(new FakePaymentChannel(PaymentChannelId.WeChatPay, _time, new Random(1)), EngineHarness.NoBackOff(ChannelPolicy.WeChatPay()))
            .UseJournal(journal)
            .UseTimeProvider(_time)
            .UseRandom(new Random(7))
            .BuildAsync();
}
