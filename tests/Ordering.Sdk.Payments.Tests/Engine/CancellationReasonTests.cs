namespace Ordering.Sdk.Payments.Tests.Engine;

// Every payment that ends without money says why: staff never see a bare "Cancelled".
public sealed class CancellationReasonTests
{
    [Fact]
    public async Task WalletCustomerNeverPays_CancelledAtTheTimeout_BlamesNobodyButTheClock()
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Paying("prompt"));
        var (engine, time) = await channel.BuildEngineAsync();
        var attempt = await engine.PayAsync(new TenderRequest("O", Money.Fen(1_500), Money.Fen(1_500), ChargeKind.Jsapi, "k") { Channel = PaymentChannelId.WeChatPay, PayerId = "openid-1" });

        await EngineHarness.RunAsync(engine, time, ChannelPolicy.WeChatPay().CustomerActionTimeout + TimeSpan.FromSeconds(10));

        var ended = engine.GetAttempt(attempt.AttemptId)!;
        Assert.Equal(PaymentState.Cancelled, ended.State);
        var why = ended.LastFailure!;
        Assert.Equal(EngineErrorCodes.CustomerDidNotPay, why.RawCode);
        Assert.Equal(FailureCause.Customer, why.Cause);
        Assert.Equal(RecommendedAction.RetrySame, why.Action);
        Assert.Contains("300 s", why.RawMessage, StringComparison.Ordinal);
        Assert.Contains("did not pay in time", why.StaffMessageEn, StringComparison.Ordinal);
        Assert.Contains("超时", why.CustomerMessageZhCn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodePayNeverAnswered_GivenUpAt45s_BlamesTheNetworkNotTheCustomer()
    {
        var lost = new ChannelError(FailureCause.Network, "TRANSPORT_ERROR", "reset");
        var channel = new ScriptedChannel { QueryDefault = ChannelResult.Unknown(lost) };
        channel.Charges.Enqueue(ChannelResult.Unknown(lost));
        var (engine, time) = await channel.BuildEngineAsync();
        var attempt = await engine.PayAsync(new TenderRequest("O", Money.Fen(1_500), Money.Fen(1_500), ChargeKind.CodePay, "k") { PaymentCode = EngineHarness.WeChatCode });

        await EngineHarness.RunAsync(engine, time, TimeSpan.FromSeconds(60));

        var ended = engine.GetAttempt(attempt.AttemptId)!;
        Assert.Equal(PaymentState.Cancelled, ended.State);
        var why = ended.LastFailure!;
        Assert.Equal(EngineErrorCodes.GaveUpUnknown, why.RawCode);
        Assert.Equal(FailureCause.Network, why.Cause);
        Assert.Equal(RecommendedAction.SwitchMethod, why.Action);
        Assert.Contains("refunded automatically", why.StaffMessageEn, StringComparison.Ordinal);
        Assert.Contains(engine.GetFailures("O"), f => f.RawCode == EngineErrorCodes.GaveUpUnknown && f.Operation == PaymentOperation.Cancel);
    }

    [Fact]
    public async Task ChannelClosedTheTrade_CancelledWithTheChannelAsTheWitness()
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Paying("prompt"));
        channel.Queries.Enqueue(ChannelResult.Cancelled());
        var (engine, time) = await channel.BuildEngineAsync();
        var attempt = await engine.PayAsync(new TenderRequest("O", Money.Fen(1_500), Money.Fen(1_500), ChargeKind.QrCode, "k") { Channel = PaymentChannelId.WeChatPay });

        await EngineHarness.RunAsync(engine, time, TimeSpan.FromSeconds(6));

        var ended = engine.GetAttempt(attempt.AttemptId)!;
        Assert.Equal(PaymentState.Cancelled, ended.State);
        Assert.Equal(EngineErrorCodes.ClosedAtChannel, ended.LastFailure!.RawCode);
        Assert.Equal(PaymentOperation.Query, ended.LastFailure.Operation);
        Assert.Contains("已关闭", ended.LastFailure.StaffMessageZhCn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffCancel_IsNotAFailure()
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Paying("prompt"));
        var (engine, time) = await channel.BuildEngineAsync();
        var attempt = await engine.PayAsync(new TenderRequest("O", Money.Fen(1_500), Money.Fen(1_500), ChargeKind.QrCode, "k") { Channel = PaymentChannelId.WeChatPay });

        await engine.CancelAsync(attempt.AttemptId);
        await EngineHarness.RunAsync(engine, time, TimeSpan.FromSeconds(20));

        Assert.Equal(PaymentState.Cancelled, engine.GetAttempt(attempt.AttemptId)!.State);
        Assert.Empty(engine.GetFailures("O"));
    }
}
