using Ordering.Sdk.Testing.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

public sealed class AlipayChannelIntegrationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Charge_CustomerPaysAtOnce_Succeeds()
    {
        await using var h = AlipayHarness.Create();

        var result = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T1", 1990), None);

        Assert.Equal(ChannelOutcome.Succeeded, result.Outcome);
        Assert.Equal(Money.Fen(1990), result.Amount);
        Assert.Equal(h.Sandbox.GetTrade("T1")!.TradeNo, result.ChannelTransactionId);
        Assert.Equal(AlipaySandboxTradeStatus.TradeSuccess, h.Sandbox.GetTrade("T1")!.Status);
    }

    [Fact]
    public async Task Charge_InsufficientBalance_IsDeclinedForTheCustomer()
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.SetCustomer("281234567890123456", new(AlipayCustomerBehavior.InsufficientBalance, TimeSpan.Zero));

        var result = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T2", 500), None);

        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal("ACQ.BUYER_BALANCE_NOT_ENOUGH", result.Error!.RawCode);
        Assert.Equal(FailureCause.Customer, result.Error.Cause);
    }

    [Theory]
    [InlineData(AlipayCustomerBehavior.InsufficientBalance, "ACQ.BUYER_BALANCE_NOT_ENOUGH", FailureCause.Customer, RecommendedAction.AskForNewCode)]
    [InlineData(AlipayCustomerBehavior.ExpiredCode, "ACQ.PAYMENT_AUTH_CODE_INVALID", FailureCause.Customer, RecommendedAction.AskForNewCode)]
    [InlineData(AlipayCustomerBehavior.RiskRejected, "ACQ.PAYMENT_REQUEST_HAS_RISK", FailureCause.Risk, RecommendedAction.SwitchMethod)]
    public async Task Charge_CustomerFailure_IsDeclinedWithCauseAndAction(AlipayCustomerBehavior behavior, string subCode, FailureCause cause, RecommendedAction action)
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.SetCustomer("281234567890123456", new(behavior, TimeSpan.Zero));

        var result = await h.Channel.ChargeAsync(AlipayHarness.CodePay("TF", 500), None);

        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal((subCode, cause, (RecommendedAction?)action), (result.Error!.RawCode, result.Error.Cause, result.Error.Action));
    }

    [Theory]
    [InlineData("alipay.trade.pay")]
    [InlineData("alipay.trade.query")]
    [InlineData("alipay.trade.cancel")]
    [InlineData("alipay.trade.refund")]
    [InlineData("alipay.trade.fastpay.refund.query")]
    public async Task AnyOperation_AcqSystemError_IsUnknownNeverDeclined(string method)
    {
        await using var h = AlipayHarness.Create();
        await h.Channel.ChargeAsync(AlipayHarness.CodePay("S1", 500), None);
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.SystemError, method));

        var result = method switch
        {
            "alipay.trade.pay" => await h.Channel.ChargeAsync(AlipayHarness.CodePay("S2", 500), None),
            "alipay.trade.query" => await h.Channel.QueryAsync("S1", None),
            "alipay.trade.cancel" => await h.Channel.CancelAsync("S1", None),
            "alipay.trade.refund" => await h.Channel.RefundAsync(new RefundChannelRequest("S1", "S1-r", Money.Fen(1), Money.Fen(500), null), None),
            _ => await h.Channel.QueryRefundAsync("S1", "S1-r", None),
        };

        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal("ACQ.SYSTEM_ERROR", result.Error!.RawCode);
        Assert.Equal(RecommendedAction.QueryThenDecide, result.Error.Action);
    }

    [Fact]
    public async Task Charge_PaysAfterDelay_WaitsThenQuerySucceeds()
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.SetCustomer("281234567890123456", new(AlipayCustomerBehavior.PaysAfterDelay, TimeSpan.FromSeconds(8)));

        var first = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T3", 800), None);
        var early = await h.Channel.QueryAsync("T3", None);
        h.Time.Advance(TimeSpan.FromSeconds(8));
        var late = await h.Channel.QueryAsync("T3", None);

        Assert.Equal(ChannelOutcome.CustomerPaying, first.Outcome);
        Assert.Equal(ChannelOutcome.CustomerPaying, early.Outcome);
        Assert.Equal(ChannelOutcome.Succeeded, late.Outcome);
        Assert.Equal(Money.Fen(800), late.Amount);
    }

    [Theory]
    [InlineData(AlipayCustomerBehavior.WrongPassword)]
    [InlineData(AlipayCustomerBehavior.CancelsAfterDelay)]
    public async Task Charge_CustomerNeverPays_CancelClosesTheTrade(AlipayCustomerBehavior behavior)
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.SetCustomer("281234567890123456", new(behavior, TimeSpan.FromSeconds(20)));

        var first = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T4", 300), None);
        var cancel = await h.Channel.CancelAsync("T4", None);
        var query = await h.Channel.QueryAsync("T4", None);

        Assert.Equal(ChannelOutcome.CustomerPaying, first.Outcome);
        Assert.Equal(ChannelOutcome.Cancelled, cancel.Outcome);
        Assert.Equal(ChannelOutcome.Cancelled, query.Outcome);
        Assert.Equal(0, h.Sandbox.GetTrade("T4")!.PaidFen);
    }

    [Fact]
    public async Task Cancel_PaidTrade_RefundsItAtTheChannel()
    {
        await using var h = AlipayHarness.Create();
        await h.Channel.ChargeAsync(AlipayHarness.CodePay("T5", 1200), None);

        var cancel = await h.Channel.CancelAsync("T5", None);

        Assert.Equal(ChannelOutcome.Cancelled, cancel.Outcome);
        Assert.Equal(1200, h.Sandbox.GetTrade("T5")!.RefundedFen);
    }

    [Fact]
    public async Task Cancel_TradeNeverSeen_BlocksALatePay()
    {
        await using var h = AlipayHarness.Create();

        var cancel = await h.Channel.CancelAsync("T6", None);
        var late = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T6", 100), None);

        Assert.Equal(ChannelOutcome.Cancelled, cancel.Outcome);
        Assert.Equal(ChannelOutcome.Declined, late.Outcome);
        Assert.Equal("ACQ.TRADE_HAS_CLOSE", late.Error!.RawCode);
    }

    [Fact]
    public async Task Query_UnknownTrade_IsNotFound()
    {
        await using var h = AlipayHarness.Create();

        Assert.Equal(ChannelOutcome.NotFound, (await h.Channel.QueryAsync("NOPE", None)).Outcome);
    }

    [Fact]
    public async Task Charge_DropAfterProcessing_IsUnknownAndQueryFindsThePayment()
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.DropAfterProcessing, "alipay.trade.pay"));

        var result = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T7", 700), None);
        var query = await h.Channel.QueryAsync("T7", None);

        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal(FailureCause.Network, result.Error!.Cause);
        Assert.Equal(ChannelOutcome.Succeeded, query.Outcome);
    }

    [Fact]
    public async Task Charge_AnswerSlowerThanRequestTimeout_IsUnknownNeverDeclined()
    {
        await using var h = AlipayHarness.Create(requestTimeout: TimeSpan.FromMilliseconds(300));
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.Latency, "alipay.trade.pay", TimeSpan.FromSeconds(2)));

        var result = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T8", 700), None);

        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal("TIMEOUT", result.Error!.RawCode);
        Assert.Equal(RecommendedAction.QueryThenDecide, result.Error.Action);
    }

    [Fact]
    public async Task Charge_ServerError_IsUnknownAndNothingWasCreated()
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.ServerError, "alipay.trade.pay"));

        var result = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T9", 700), None);

        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal("HTTP_502", result.Error!.RawCode);
        Assert.Equal(ChannelOutcome.NotFound, (await h.Channel.QueryAsync("T9", None)).Outcome);
    }

    [Fact]
    public async Task Charge_Code20000_IsUnknownGatewayUnavailable()
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.UnknownError, "alipay.trade.pay"));

        var result = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T10", 700), None);

        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal("isp.unknow-error", result.Error!.RawCode);
        Assert.Equal(FailureCause.GatewayUnavailable, result.Error.Cause);
    }

    [Fact]
    public async Task Charge_BadlySignedAnswer_IsUnknownNotTrusted()
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.BadSignature, "alipay.trade.pay"));

        var result = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T11", 700), None);

        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal("PROTOCOL_ERROR", result.Error!.RawCode);
    }

    [Fact]
    public async Task Charge_WrongAppKey_SandboxRejectsSignatureAsConfiguration()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        await using var h = AlipayHarness.Create(appPrivateKeyPem: other.ExportPkcs8PrivateKeyPem());

        var result = await h.Channel.ChargeAsync(AlipayHarness.CodePay("T12", 700), None);

        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal("isv.invalid-signature", result.Error!.RawCode);
        Assert.Equal(FailureCause.Configuration, result.Error.Cause);
        Assert.Equal(1, h.Sandbox.RejectedSignatures);
        Assert.Null(h.Sandbox.GetTrade("T12"));
    }

    [Fact]
    public async Task Precreate_CustomerScansAndPays_QueryConfirms_UnpaidOneCloses()
    {
        await using var h = AlipayHarness.Create();

        var qr = await h.Channel.ChargeAsync(new ChargeRequest("Q1", "o", Money.Fen(450), ChargeKind.QrCode, null, null), None);
        var other = await h.Channel.ChargeAsync(new ChargeRequest("Q2", "o", Money.Fen(450), ChargeKind.QrCode, null, null), None);
        Assert.True(h.Sandbox.CustomerPays("Q1"));
        var paid = await h.Channel.QueryAsync("Q1", None);
        var closed = await h.Channel.CancelAsync("Q2", None);

        Assert.Equal(ChannelOutcome.CustomerPaying, qr.Outcome);
        Assert.StartsWith("https://qr.alipay.com/", qr.CustomerPrompt, StringComparison.Ordinal);
        Assert.Equal(ChannelOutcome.CustomerPaying, other.Outcome);
        Assert.Equal(ChannelOutcome.Succeeded, paid.Outcome);
        Assert.Equal(ChannelOutcome.Cancelled, closed.Outcome);
        Assert.Equal(AlipaySandboxTradeStatus.TradeClosed, h.Sandbox.GetTrade("Q2")!.Status);
    }

    [Fact]
    public async Task Create_MiniProgram_ReturnsTradeNo_CloseOfPaidTradeIsRefused()
    {
        await using var h = AlipayHarness.Create();

        var created = await h.Channel.ChargeAsync(new ChargeRequest("M1", "o", Money.Fen(990), ChargeKind.Jsapi, null, "open-id-123"), None);
        h.Sandbox.CustomerPays("M1");
        var close = await h.Channel.CloseAsync("M1", None);
        var missing = await h.Channel.CloseAsync("M-none", None);

        Assert.Equal(ChannelOutcome.CustomerPaying, created.Outcome);
        Assert.Equal(h.Sandbox.GetTrade("M1")!.TradeNo, created.ChannelTransactionId);
        Assert.Equal(ChannelOutcome.Declined, close.Outcome);
        Assert.Equal("ACQ.TRADE_STATUS_ERROR", close.Error!.RawCode);
        Assert.Equal(ChannelOutcome.NotFound, missing.Outcome);
    }

    [Fact]
    public async Task Refund_PartialTwiceAndRepeat_IsIdempotentAndBounded()
    {
        await using var h = AlipayHarness.Create();
        await h.Channel.ChargeAsync(AlipayHarness.CodePay("R1", 1000), None);

        var first = await h.Channel.RefundAsync(new RefundChannelRequest("R1", "R1-a", Money.Fen(300), Money.Fen(1000), null), None);
        var repeat = await h.Channel.RefundAsync(new RefundChannelRequest("R1", "R1-a", Money.Fen(300), Money.Fen(1000), null), None);
        var query = await h.Channel.QueryRefundAsync("R1", "R1-a", None);
        var tooMuch = await h.Channel.RefundAsync(new RefundChannelRequest("R1", "R1-b", Money.Fen(800), Money.Fen(1000), null), None);
        var unknown = await h.Channel.QueryRefundAsync("R1", "R1-zzz", None);

        Assert.Equal(ChannelOutcome.Succeeded, first.Outcome);
        Assert.Equal(ChannelOutcome.Processing, repeat.Outcome);
        Assert.Equal(ChannelOutcome.Succeeded, query.Outcome);
        Assert.Equal(Money.Fen(300), query.Amount);
        Assert.Equal(ChannelOutcome.Declined, tooMuch.Outcome);
        Assert.Equal("ACQ.REASON_TRADE_REFUND_FEE_ERR", tooMuch.Error!.RawCode);
        Assert.Equal(ChannelOutcome.NotFound, unknown.Outcome);
        Assert.Equal(300, h.Sandbox.GetTrade("R1")!.RefundedFen);
    }

    [Fact]
    public async Task Refund_UnknownTradeAndSystemError_MapToDeclineAndUnknown()
    {
        await using var h = AlipayHarness.Create();
        await h.Channel.ChargeAsync(AlipayHarness.CodePay("R2", 1000), None);
        var missing = await h.Channel.RefundAsync(new RefundChannelRequest("R-none", "x", Money.Fen(1), Money.Fen(1), null), None);
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.UnknownError, "alipay.trade.refund"));
        var flaky = await h.Channel.RefundAsync(new RefundChannelRequest("R2", "R2-a", Money.Fen(100), Money.Fen(1000), null), None);
        var retried = await h.Channel.RefundAsync(new RefundChannelRequest("R2", "R2-a", Money.Fen(100), Money.Fen(1000), null), None);

        Assert.Equal(ChannelOutcome.Declined, missing.Outcome);
        Assert.Equal("ACQ.TRADE_NOT_EXIST", missing.Error!.RawCode);
        Assert.Equal(ChannelOutcome.Unknown, flaky.Outcome);
        Assert.Equal(ChannelOutcome.Succeeded, retried.Outcome);
    }

    [Fact]
    public async Task Charge_Trace_NeverCarriesThePaymentCodeOrSignature()
    {
        var tags = new List<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name.Contains("Payments", StringComparison.Ordinal),
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (tags)
                {
                    tags.AddRange(a.TagObjects.Select(t => t.Key + "=" + t.Value));
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var h = AlipayHarness.Create();

        await h.Channel.ChargeAsync(AlipayHarness.CodePay("TR1", 100, "289876543210987654"), None);

        List<string> snapshot;
        lock (tags)
        {
            snapshot = [.. tags];
        }

        Assert.Contains(snapshot, t => t.StartsWith("alipay.request=", StringComparison.Ordinal) && t.Contains("auth_code", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot, t => t.Contains("289876543210987654", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot, t => t.Contains("sign=", StringComparison.Ordinal));
    }
}
