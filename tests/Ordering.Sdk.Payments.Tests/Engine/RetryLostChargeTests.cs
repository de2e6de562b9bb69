using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.Engine;

public sealed class RetryLostChargeTests
{
    private static TenderRequest Qr(string key) =>
        new("O", Money.Fen(2_000), Money.Fen(2_000), ChargeKind.QrCode, key) { Channel = PaymentChannelId.WeChatPay };

    [Fact]
    public async Task PayAsync_WhileEarlierQrChargeInFlight_RefusesNamingItAndHowToRelease()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        world.WeChat.EnqueueFault(FakeCallFault.LostBeforeArrival);
        var lost = await engine.PayAsync(Qr("k1"));
        Assert.True(lost.State is PaymentState.Pending or PaymentState.AwaitingCustomer);

        var retry = await engine.PayAsync(Qr("k2"));

        Assert.Equal(PaymentState.Failed, retry.State);
        var failure = retry.LastFailure!;
        Assert.Equal(EngineErrorCodes.EarlierAttemptInFlight, failure.RawCode);
        Assert.Equal(RecommendedAction.QueryThenDecide, failure.Action);
        Assert.Contains("in flight", failure.RawMessage, StringComparison.Ordinal);
        Assert.Contains("取消", failure.StaffMessageZhCn, StringComparison.Ordinal);
        Assert.Contains("cancel", failure.CustomerMessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_LostQrCharge_ClosesAtChannelAndNewTenderSucceeds()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        world.WeChat.EnqueueFault(FakeCallFault.LostBeforeArrival);
        var lost = await engine.PayAsync(Qr("k1"));

        var cancelling = await engine.CancelAsync(lost.AttemptId);
        Assert.Equal(PaymentState.Cancelling, cancelling.State);
        await world.RunAsync(engine, TimeSpan.FromSeconds(20));
        Assert.Equal(PaymentState.Cancelled, engine.GetAttempt(lost.AttemptId)!.State);

        var retry = await engine.PayAsync(new TenderRequest("O", Money.Fen(2_000), Money.Fen(2_000), ChargeKind.Cash, "k2") { CashReceived = Money.Fen(2_000) });

        Assert.Equal(PaymentState.Succeeded, retry.State);
        Assert.True(engine.GetOrderStatus("O").IsSettled);
        Assert.Equal(0, world.WeChat.NetCaptured(lost.AttemptId).MinorUnits);
    }

    [Fact]
    public async Task CancelAsync_CustomerPaysOldQrAfterCancel_MoneyIsRefundedAutomatically()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        world.WeChat.EnqueueCustomer(new FakeCustomerBehavior(FakeCustomerOutcome.Pays, TimeSpan.FromSeconds(2)));
        var first = await engine.PayAsync(Qr("k1"));
        await engine.CancelAsync(first.AttemptId);
        var retry = await engine.PayAsync(new TenderRequest("O", Money.Fen(2_000), Money.Fen(2_000), ChargeKind.Cash, "k2") { CashReceived = Money.Fen(2_000) });

        await world.RunAsync(engine, TimeSpan.FromMinutes(2));

        // Never charged twice: whatever the old QR captured is given back, and the order is paid once.
        Assert.Equal(PaymentState.Succeeded, retry.State);
        Assert.Equal(0, world.WeChat.NetCaptured(first.AttemptId).MinorUnits);
        Assert.True(engine.GetOrderStatus("O").IsSettled);
    }
}
