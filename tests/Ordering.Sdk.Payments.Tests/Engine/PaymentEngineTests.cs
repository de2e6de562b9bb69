using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.Engine;

public sealed class PaymentEngineTests
{
    [Fact]
    public async Task PayAsync_CashWithChange_SucceedsAndSettles()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();

        var attempt = await engine.PayAsync(EngineHarness.CashTender("O1", 3750, 3750, 10000, "k1"));

        Assert.Equal(PaymentState.Succeeded, attempt.State);
        Assert.Equal(Money.Fen(6250), attempt.Change);
        Assert.True(engine.GetOrderStatus("O1").IsSettled);
    }

    [Fact]
    public async Task PayAsync_DoubleTap_ReturnsTheSameAttemptAndChargesOnce()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();

        var first = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "tap"));
        var second = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "tap"));

        Assert.Equal(first.AttemptId, second.AttemptId);
        Assert.Equal(1, world.WeChat.ChargesReceived);
    }

    [Fact]
    public async Task PayAsync_SameKeyDifferentTender_Throws()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "tap"));

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await engine.PayAsync(EngineHarness.Code("O1", 1000, 500, "tap")));
        Assert.Contains("IdempotencyKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayAsync_UnknownCode_FailsForTheCustomerWithoutAnyGatewayCall()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();

        var attempt = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k", code: "9912345678"));

        Assert.Equal(PaymentState.Failed, attempt.State);
        Assert.Equal(0, world.WeChat.ChargesReceived + world.Alipay.ChargesReceived);
        Assert.Equal(FailureCause.Customer, attempt.LastFailure!.Cause);
        Assert.Equal(RecommendedAction.AskForNewCode, attempt.LastFailure.Action);
        Assert.Equal(EngineErrorCodes.InvalidPaymentCode, attempt.LastFailure.RawCode);
    }

    [Fact]
    public async Task PayAsync_AlipayCode_IsRoutedToAlipay()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();

        var attempt = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k", EngineHarness.AlipayCode));

        Assert.Equal(PaymentChannelId.Alipay, attempt.Channel);
        Assert.Equal(1, world.Alipay.ChargesReceived);
    }

    [Fact]
    public async Task PayAsync_ResponseLost_StaysPendingThenQueryConfirms()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        world.WeChat.EnqueueFault(FakeCallFault.ResponseLost);

        var attempt = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k"));
        Assert.Equal(PaymentState.Pending, attempt.State);
        Assert.Equal(FailureCause.Network, attempt.LastFailure!.Cause);
        Assert.Equal(RecommendedAction.QueryThenDecide, attempt.LastFailure.Action);

        await world.RunAsync(engine, TimeSpan.FromSeconds(5));

        Assert.Equal(PaymentState.Succeeded, engine.GetAttempt(attempt.AttemptId)!.State);
        Assert.Equal(1, world.WeChat.ChargesReceived);
        Assert.True(engine.GetOrderStatus("O1").IsSettled);
    }

    [Fact]
    public async Task PayAsync_CustomerNeverFinishes_IsReversedAtTheDeadlineNeverBefore15Seconds()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        world.WeChat.EnqueueCustomer(new FakeCustomerBehavior(FakeCustomerOutcome.NeverPays, TimeSpan.Zero));

        var attempt = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k"));
        Assert.Equal(PaymentState.AwaitingCustomer, attempt.State);

        await world.RunAsync(engine, TimeSpan.FromSeconds(44));
        Assert.Equal(PaymentState.AwaitingCustomer, engine.GetAttempt(attempt.AttemptId)!.State);
        Assert.Equal(FakeTradeStatus.Paying, world.WeChat.GetTrade(attempt.AttemptId)!.Status);

        await world.RunAsync(engine, TimeSpan.FromSeconds(2));
        Assert.Equal(PaymentState.Cancelled, engine.GetAttempt(attempt.AttemptId)!.State);
        Assert.Equal(FakeTradeStatus.Closed, world.WeChat.GetTrade(attempt.AttemptId)!.Status);
        Assert.False(engine.GetOrderStatus("O1").IsSettled);
    }

    [Fact]
    public async Task CancelAsync_OperatorGivesUpEarly_ReverseWaitsUntil15Seconds()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        world.WeChat.EnqueueCustomer(new FakeCustomerBehavior(FakeCustomerOutcome.NeverPays, TimeSpan.Zero));
        var attempt = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k"));

        var cancelling = await engine.CancelAsync(attempt.AttemptId);
        Assert.Equal(PaymentState.Cancelling, cancelling.State);
        await world.RunAsync(engine, TimeSpan.FromSeconds(14));
        Assert.Equal(FakeTradeStatus.Paying, world.WeChat.GetTrade(attempt.AttemptId)!.Status);

        await world.RunAsync(engine, TimeSpan.FromSeconds(2));
        Assert.Equal(PaymentState.Cancelled, engine.GetAttempt(attempt.AttemptId)!.State);
    }

    [Fact]
    public async Task PayAsync_PaidAfterGivingUp_IsRefundedAutomaticallyAndRaisesAnAlert()
    {
        var world = new EngineHarness { WeChatPolicy = EngineHarness.NoBackOff(new ChannelPolicy { CustomerActionTimeout = TimeSpan.FromSeconds(20), MaxRetryAttempts = 0 }) };
        var engine = await world.BuildAsync();
        var alerts = new List<LateSuccessEventArgs>();
        engine.LateSuccessDetected += (_, e) => alerts.Add(e);
        world.WeChat.EnqueueCustomer(new FakeCustomerBehavior(FakeCustomerOutcome.Pays, TimeSpan.FromSeconds(8)));
        var attempt = await engine.PayAsync(new TenderRequest("O1", Money.Fen(1000), Money.Fen(1000), ChargeKind.Jsapi, "k") { Channel = PaymentChannelId.WeChatPay });

        // The three queries before the 20 s deadline are lost, so the engine never sees the payment in time.
        for (var i = 0; i < 3; i++)
        {
            world.WeChat.EnqueueFault(FakeCallFault.LostBeforeArrival);
        }

        await world.RunAsync(engine, TimeSpan.FromSeconds(30));

        var final = engine.GetAttempt(attempt.AttemptId)!;
        Assert.Equal(PaymentState.Refunded, final.State);
        Assert.True(final.IsAbandoned);
        Assert.Single(alerts);
        Assert.Equal(Money.Fen(0), world.WeChat.NetCaptured(attempt.AttemptId));
        Assert.False(engine.GetOrderStatus("O1").IsSettled);
    }

    [Fact]
    public async Task PayAsync_SplitTender_SettlesOnlyWhenConfirmedTendersCoverTheAmountDue()
    {
        var world = new EngineHarness();
        world.Ledger.TopUp("M1", Money.Fen(5000), Money.Fen(1000), "top1");
        var engine = await world.BuildAsync();

        await engine.PayAsync(EngineHarness.CashTender("O1", 10000, 3000, 3000, "cash"));
        Assert.False(engine.GetOrderStatus("O1").IsSettled);
        Assert.Equal(Money.Fen(7000), engine.GetOrderStatus("O1").Outstanding);

        var tooMuch = await engine.PayAsync(EngineHarness.Code("O1", 10000, 8000, "wx"));
        Assert.Equal(PaymentState.Failed, tooMuch.State);
        Assert.Equal(FailureCause.Duplicate, tooMuch.LastFailure!.Cause);

        await engine.PayAsync(new TenderRequest("O1", Money.Fen(10000), Money.Fen(4000), ChargeKind.StoredValue, "sv") { PayerId = "M1" });
        await engine.PayAsync(EngineHarness.Code("O1", 10000, 3000, "wx2"));

        var status = engine.GetOrderStatus("O1");
        Assert.True(status.IsSettled);
        Assert.Equal(Money.Fen(10000), status.Confirmed);
    }

    [Fact]
    public async Task GetOrderStatus_AfterWarmUp_AllocatesNothing()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        await engine.PayAsync(EngineHarness.CashTender("O1", 10000, 3000, 3000, "a"));
        await engine.PayAsync(EngineHarness.Code("O1", 10000, 7000, "b"));
        engine.GetOrderStatus("O1");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var settled = 0;
        for (var i = 0; i < 1000; i++)
        {
            settled += engine.GetOrderStatus("O1").IsSettled ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1000, settled);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task RefundAsync_ByLinesThenAmount_NeverExceedsCapturedMinusRefunded()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        var attempt = await engine.PayAsync(EngineHarness.Code("O1", 5000, 5000, "k"));

        var byLines = await engine.RefundAsync(new RefundRequest("O1", "R1") { Lines = [new RefundLine("L1", Money.Fen(1200)), new RefundLine("L2", Money.Fen(800))] });
        Assert.Equal(RefundState.Succeeded, byLines.State);
        Assert.Equal(PaymentState.PartiallyRefunded, engine.GetAttempt(attempt.AttemptId)!.State);

        var again = await engine.RefundAsync(new RefundRequest("O1", "R1") { Lines = [new RefundLine("L1", Money.Fen(1200)), new RefundLine("L2", Money.Fen(800))] });
        Assert.Equal(byLines.Parts[0].ChannelRefundNumber, again.Parts[0].ChannelRefundNumber);

        var tooMuch = await Assert.ThrowsAsync<ArgumentException>(async () => await engine.RefundAsync(new RefundRequest("O1", "R2") { Amount = Money.Fen(3001) }));
        Assert.Contains("Amount", tooMuch.Message, StringComparison.Ordinal);

        await engine.RefundAsync(new RefundRequest("O1", "R3") { Amount = Money.Fen(3000) });
        Assert.Equal(PaymentState.Refunded, engine.GetAttempt(attempt.AttemptId)!.State);
        Assert.Equal(Money.Fen(0), world.WeChat.NetCaptured(attempt.AttemptId));
        Assert.Equal(0, world.WeChat.OverRefundRequests);
    }

    [Fact]
    public async Task RefundAsync_ResponseLost_IsResolvedByQueryWithTheSameNumber()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        var attempt = await engine.PayAsync(EngineHarness.Code("O1", 5000, 5000, "k"));
        for (var i = 0; i < 3; i++)
        {
            world.WeChat.EnqueueFault(FakeCallFault.ResponseLost);
        }

        var refund = await engine.RefundAsync(new RefundRequest("O1", "R1") { Amount = Money.Fen(5000) });
        Assert.Equal(RefundState.Processing, refund.State);

        await world.RunAsync(engine, TimeSpan.FromSeconds(11));
        Assert.Equal(RefundState.Succeeded, engine.GetRefund("R1")!.State);
        Assert.Single(world.WeChat.GetTrade(attempt.AttemptId)!.RefundNumbers);
    }

    [Fact]
    public async Task ApplyNotificationAsync_DuplicatedAndReordered_AppliesOnce()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        world.WeChat.EnqueueCustomer(new FakeCustomerBehavior(FakeCustomerOutcome.Pays, TimeSpan.FromSeconds(3)));
        var attempt = await engine.PayAsync(new TenderRequest("O1", Money.Fen(1000), Money.Fen(1000), ChargeKind.QrCode, "k") { Channel = PaymentChannelId.WeChatPay });
        var paid = new PaymentNotification(PaymentChannelId.WeChatPay, "N1", PaymentNotificationKind.PaymentSucceeded, attempt.AttemptId, Money.Fen(1000), "T1");

        Assert.Equal(NotificationDisposition.Applied, await engine.ApplyNotificationAsync(paid));
        Assert.Equal(NotificationDisposition.Duplicate, await engine.ApplyNotificationAsync(paid));
        Assert.Equal(NotificationDisposition.Ignored, await engine.ApplyNotificationAsync(paid with { NotificationId = "N2" }));
        Assert.Equal(NotificationDisposition.Rejected, await engine.ApplyNotificationAsync(paid with { NotificationId = "N3", Amount = Money.Fen(1) }));
        Assert.Equal(PaymentState.Succeeded, engine.GetAttempt(attempt.AttemptId)!.State);
        // Created, Pending, AwaitingCustomer, N1 accepted, Succeeded, N2 accepted (stale, kept for de-duplication),
        // N3's failure (rejected notifications are not accepted into the inbox, but their failure is logged).
        Assert.Equal(7, world.Journal.Count);
    }

    [Fact]
    public async Task BuildAsync_AfterCrashBeforeTheAnswer_ResumesAndResolvesTheAttempt()
    {
        var world = new EngineHarness();
        var first = await world.BuildAsync();
        world.WeChat.EnqueueFault(FakeCallFault.ResponseLost);
        var attempt = await first.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k"));
        Assert.Equal(PaymentState.Pending, attempt.State);

        // The process dies; a new engine reads the journal back.
        var second = await world.BuildAsync();
        Assert.Equal(PaymentState.Pending, second.GetAttempt(attempt.AttemptId)!.State);
        Assert.Equal(attempt.AttemptId, (await second.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k"))).AttemptId);
        await second.ProcessDueWorkAsync();

        Assert.Equal(PaymentState.Succeeded, second.GetAttempt(attempt.AttemptId)!.State);
        Assert.Equal(1, world.WeChat.ChargesReceived);
    }

    [Fact]
    public async Task PayAsync_CircuitOpen_RecommendsAnotherMethodWithoutSending()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        for (var i = 0; i < 10; i++)
        {
            world.WeChat.EnqueueFault(FakeCallFault.ServerError);
            await engine.PayAsync(EngineHarness.Code("O" + i, 1000, 1000, "k" + i));
        }

        var received = world.WeChat.ChargesReceived;
        var attempt = await engine.PayAsync(EngineHarness.Code("OX", 1000, 1000, "kx"));

        Assert.Equal(PaymentState.Failed, attempt.State);
        Assert.Equal(RecommendedAction.SwitchMethod, attempt.LastFailure!.Action);
        Assert.Equal(EngineErrorCodes.CircuitOpen, attempt.LastFailure.RawCode);
        Assert.Equal(received, world.WeChat.ChargesReceived);
    }

    [Fact]
    public async Task FailureRecorded_InsufficientBalance_IsLoggedWithMessagesAndMaskedCode()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        var events = new List<PaymentFailure>();
        engine.FailureRecorded += (_, e) => events.Add(e.Failure);
        world.WeChat.EnqueueCustomer(new FakeCustomerBehavior(FakeCustomerOutcome.InsufficientBalance, TimeSpan.Zero));

        var attempt = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k"));

        Assert.Equal(PaymentState.Failed, attempt.State);
        var failure = Assert.Single(engine.GetFailures("O1"));
        Assert.Same(failure, Assert.Single(events));
        Assert.Equal("NOTENOUGH", failure.RawCode);
        Assert.Equal(RecommendedAction.SwitchMethod, failure.Action);
        Assert.Contains("余额不足", failure.CustomerMessageZhCn, StringComparison.Ordinal);
        Assert.DoesNotContain(EngineHarness.WeChatCode, failure.ToString() + failure.RawMessage, StringComparison.Ordinal);
    }
}
