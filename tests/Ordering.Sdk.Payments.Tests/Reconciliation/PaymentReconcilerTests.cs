using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Payments.Tests.Alipay;

namespace Ordering.Sdk.Payments.Tests.Reconciliation;

public sealed class PaymentReconcilerTests
{
    private static readonly DateOnly Day = new(2026, 11, 24);

    [Fact]
    public async Task ReconcileAndApply_OrphanChargeAtSandbox_RefundedOnceEvenWhenAppliedTwiceOrAfterRestart()
    {
        await using var h = AlipayHarness.Create();
        var journal = new InMemoryPaymentJournal();

        // Money taken at Alipay with no trace in our journal (e.g. a POS that crashed before journaling).
        await h.Channel.ChargeAsync(AlipayHarness.CodePay("ORPHAN1", 4200), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromDays(1));
        var reconciler = new PaymentReconciler(journal, [h.Bills], [h.Channel], null, h.Time, new ReconciliationOptions());

        var report = await reconciler.ReconcileAsync(Day);
        var first = await reconciler.ApplyAsync(report.Actions);
        var second = await reconciler.ApplyAsync(report.Actions);
        var restarted = new PaymentReconciler(journal, [h.Bills], [h.Channel], null, h.Time, new ReconciliationOptions());
        var third = await restarted.ApplyAsync((await restarted.ReconcileAsync(Day)).Actions);

        var discrepancy = Assert.Single(report.Discrepancies);
        Assert.Equal((DiscrepancyKind.MissingLocally, "ORPHAN1", (Money?)Money.Fen(4200)), (discrepancy.Kind, discrepancy.MerchantOrderNumber, discrepancy.ChannelAmount));
        Assert.Equal(CorrectiveActionOutcome.Applied, Assert.Single(first).Outcome);
        Assert.Equal(CorrectiveActionOutcome.AlreadyApplied, Assert.Single(second).Outcome);
        Assert.Equal(CorrectiveActionOutcome.Applied, Assert.Single(third).Outcome);
        var trade = h.Sandbox.GetTrade("ORPHAN1")!;
        Assert.Equal(4200, trade.RefundedFen);
        Assert.Single(trade.Refunds);
    }

    [Fact]
    public async Task ReconcileAndApply_EngineGaveUpButChannelWasPaid_EngineGetsOneConfirmation()
    {
        await using var h = AlipayHarness.Create();
        var journal = new InMemoryPaymentJournal();
        var engine = await new PaymentEngineBuilder().AddChannel(h.Channel).UseJournal(journal).UseTimeProvider(h.Time).UseRandom(new Random(3)).BuildAsync();
        var attempt = await engine.PayAsync(new TenderRequest("o1", Money.Fen(900), Money.Fen(900), ChargeKind.QrCode, "k1") { Channel = PaymentChannelId.Alipay });
        await engine.CancelAsync(attempt.AttemptId);
        for (var i = 0; i < 5 && engine.GetAttempt(attempt.AttemptId)!.State != PaymentState.Cancelled; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await engine.ProcessDueWorkAsync();
        }

        Assert.Equal(PaymentState.Cancelled, engine.GetAttempt(attempt.AttemptId)!.State);

        // The sandbox's trade is closed; pretend Alipay's books say paid (a bill the engine never heard of).
        var bill = new ChannelBill(PaymentChannelId.Alipay, Day, [new ChannelBillRecord(PaymentChannelId.Alipay, ChannelBillRecordKind.Payment, attempt.AttemptId, "T1", Money.Fen(900), JournalScript.Noon)]);
        var reconciler = new PaymentReconciler(journal, [], [h.Channel], engine, h.Time, new ReconciliationOptions());

        var report = await reconciler.ReconcileAsync(Day, [bill]);
        var applied = await reconciler.ApplyAsync(report.Actions);
        var again = await new PaymentReconciler(journal, [], [h.Channel], engine, h.Time, new ReconciliationOptions()).ApplyAsync(report.Actions);

        Assert.Equal(DiscrepancyKind.StatusMismatch, Assert.Single(report.Discrepancies).Kind);
        Assert.Equal(CorrectiveActionKind.ConfirmPayment, Assert.Single(report.Actions).Kind);
        Assert.Equal(CorrectiveActionOutcome.Applied, Assert.Single(applied).Outcome);
        Assert.Equal(CorrectiveActionOutcome.AlreadyApplied, Assert.Single(again).Outcome);
    }

    [Fact]
    public async Task Reconcile_MatchingJournalAndSandboxBill_IsBalanced()
    {
        await using var h = AlipayHarness.Create();
        var journal = new InMemoryPaymentJournal();
        var engine = await new PaymentEngineBuilder().AddChannel(h.Channel).UseJournal(journal).UseTimeProvider(h.Time).UseRandom(new Random(5)).BuildAsync();
        var paid = await engine.PayAsync(new TenderRequest("o2", Money.Fen(1500), Money.Fen(1500), ChargeKind.CodePay, "k2") { PaymentCode = "281234567890123456" });
        Assert.Equal(PaymentState.Succeeded, paid.State);
        var refund = await engine.RefundAsync(new RefundRequest("o2", "o2-r1") { Amount = Money.Fen(500) });
        Assert.Equal(RefundState.Succeeded, refund.State);
        h.Time.Advance(TimeSpan.FromDays(1));

        var report = await new PaymentReconciler(journal, [h.Bills], [h.Channel], engine, h.Time, new ReconciliationOptions()).ReconcileAsync(Day);

        Assert.True(report.IsBalanced, string.Join("; ", report.Discrepancies));
        Assert.Equal((1, 1), (report.MatchedPayments, report.MatchedRefunds));
    }

    [Fact]
    public async Task Reconcile_BillsForAnotherDay_AreRefused()
    {
        var reconciler = new PaymentReconciler(new InMemoryPaymentJournal(), [], [], null, TimeProvider.System, new ReconciliationOptions());

        await Assert.ThrowsAsync<ArgumentException>(() => reconciler.ReconcileAsync(Day, [new ChannelBill(PaymentChannelId.Alipay, Day.AddDays(1), [])]).AsTask());
    }

    [Fact]
    public async Task Apply_ManualReview_NeedsAPersonAndTouchesNothing()
    {
        var reconciler = new PaymentReconciler(new InMemoryPaymentJournal(), [], [], null, TimeProvider.System, new ReconciliationOptions());
        var action = new CorrectiveAction("id", CorrectiveActionKind.ManualReview, PaymentChannelId.Alipay, "X", null, Money.Fen(1), null, "check");

        var result = Assert.Single(await reconciler.ApplyAsync([action]));

        Assert.Equal(CorrectiveActionOutcome.NeedsPerson, result.Outcome);
    }

    [Fact]
    public void PreviousBusinessDay_JustAfterMidnightInChina_IsYesterdayInChina()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 30, 0, TimeSpan.Zero));
        var reconciler = new PaymentReconciler(new InMemoryPaymentJournal(), [], [], null, time, new ReconciliationOptions());

        Assert.Equal(new DateOnly(2026, 11, 24), reconciler.PreviousBusinessDay);
    }

    [Theory]
    [InlineData(15, 5)]
    [InlineData(8, -1)]
    [InlineData(8, 61)]
    public void Options_OutOfRange_AreRejected(int offsetHours, int toleranceMinutes)
    {
        var options = new ReconciliationOptions { DayOffset = TimeSpan.FromHours(offsetHours), BoundaryTolerance = TimeSpan.FromMinutes(toleranceMinutes) };

        Assert.Throws<OptionsValidationException>(options.Validate);
    }

    [Fact]
    public void AddPaymentReconciliation_ResolvesWithJournalAndSources()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPaymentJournal>(new InMemoryPaymentJournal());
        services.AddPaymentReconciliation(o => o.BoundaryTolerance = TimeSpan.FromMinutes(2));
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IPaymentReconciler>());
    }
}
