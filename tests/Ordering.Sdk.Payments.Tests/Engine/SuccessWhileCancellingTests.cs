namespace Ordering.Sdk.Payments.Tests.Engine;

// A success notified while the engine is closing or reversing a payment may be older than the reverse: an Alipay
// cancel or a WeChat reverse gives the money back by itself. The channel's answer to the cancel decides, never the
// notification alone (found by the HTTP simulation, seed 20562: a crash between the channel's cancel and its
// journal entry, then the stale success, then an automatic refund the channel refused because nothing was left).
public sealed class SuccessWhileCancellingTests
{
    [Fact]
    public async Task SuccessNotifiedWhileCancelling_ChannelSaysCancelled_NoMoneyBookedAndNoRefund()
    {
        var channel = new ScriptedChannel { QueryDefault = ChannelResult.Paying() };
        channel.Charges.Enqueue(ChannelResult.Paying());
        for (var i = 0; i < 3; i++)
        {
            // The reverse and both of its immediate retries lose their answers.
            channel.Cancels.Enqueue(ChannelResult.Unknown(new ChannelError(FailureCause.Network, "TRANSPORT_ERROR", "reset")));
        }

        channel.Cancels.Enqueue(ChannelResult.Cancelled());
        var (engine, time) = await channel.BuildEngineAsync();
        var attempt = await engine.PayAsync(new TenderRequest("O", Money.Fen(8_542), Money.Fen(8_542), ChargeKind.CodePay, "k") { PaymentCode = EngineHarness.WeChatCode });

        // Give up at 45 s: the reverse goes out and its answer is lost, so the attempt stays Cancelling.
        for (var second = 0; second < 60 && channel.CancelCount == 0; second++)
        {
            await EngineHarness.RunAsync(engine, time, TimeSpan.FromSeconds(1));
        }

        Assert.Equal(PaymentState.Cancelling, engine.GetAttempt(attempt.AttemptId)!.State);
        Assert.Equal(3, channel.CancelCount);

        var stale = new PaymentNotification(PaymentChannelId.WeChatPay, "N1", PaymentNotificationKind.PaymentSucceeded, attempt.AttemptId, Money.Fen(8_542), "T1");
        Assert.Equal(NotificationDisposition.Applied, await engine.ApplyNotificationAsync(stale));
        Assert.Equal(PaymentState.Cancelling, engine.GetAttempt(attempt.AttemptId)!.State);

        await EngineHarness.RunAsync(engine, time, TimeSpan.FromSeconds(10));

        var ended = engine.GetAttempt(attempt.AttemptId)!;
        Assert.Equal(PaymentState.Cancelled, ended.State);
        Assert.Equal(0, ended.Captured.MinorUnits);
        Assert.Equal(4, channel.CancelCount);
        Assert.Equal(0, engine.GetOrderStatus("O").Confirmed.MinorUnits);
    }

    [Fact]
    public async Task SuccessNotifiedWhileCancelling_ChannelSaysPaid_ConfirmedAsALateSuccess()
    {
        // A close that the channel refuses because the customer paid first: the query finds the money, and the engine
        // books it as a late success (refunded automatically, as before).
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Paying("prompt"));
        channel.Cancels.Enqueue(ChannelResult.Decline(new ChannelError(FailureCause.Duplicate, "ORDERPAID", "该订单已支付")));
        var (engine, time) = await channel.BuildEngineAsync();
        var attempt = await engine.PayAsync(new TenderRequest("O", Money.Fen(1_200), Money.Fen(1_200), ChargeKind.QrCode, "k") { Channel = PaymentChannelId.WeChatPay });
        await engine.CancelAsync(attempt.AttemptId);

        var paid = new PaymentNotification(PaymentChannelId.WeChatPay, "N2", PaymentNotificationKind.PaymentSucceeded, attempt.AttemptId, Money.Fen(1_200), "T2");
        await engine.ApplyNotificationAsync(paid);
        channel.QueryDefault = ChannelResult.Success(Money.Fen(1_200), "T2");
        await EngineHarness.RunAsync(engine, time, TimeSpan.FromSeconds(20));

        var ended = engine.GetAttempt(attempt.AttemptId)!;
        Assert.Equal(1_200, ended.Captured.MinorUnits);
        Assert.True(ended.IsAbandoned);
        Assert.Contains(engine.GetFailures("O"), f => f.RawCode == EngineErrorCodes.LateSuccessRefunded);
    }
}
