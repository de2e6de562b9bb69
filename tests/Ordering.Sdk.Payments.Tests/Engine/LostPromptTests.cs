using Microsoft.Extensions.Time.Testing;

namespace Ordering.Sdk.Payments.Tests.Engine;

// A wallet charge (JSAPI, QR) whose create answer is lost leaves the customer with nothing to pay with. The engine
// asks the channel first and, when nothing was paid, sends the same create again for the prompt.
public sealed class LostPromptTests
{
    private static readonly ChannelError Lost = new(FailureCause.Network, "TRANSPORT_ERROR", "reset");

    [Theory]
    [InlineData(ChargeKind.Jsapi)]
    [InlineData(ChargeKind.QrCode)]
    public async Task LostCreate_NothingAtTheChannel_SendsTheSameCreateAgainAndTheCustomerGetsThePrompt(ChargeKind kind)
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Unknown(Lost));
        channel.Queries.Enqueue(ChannelResult.NotFound());
        channel.Charges.Enqueue(ChannelResult.Paying("prompt-1"));
        var (engine, time) = await BuildAsync(channel);

        var attempt = await engine.PayAsync(Wallet(kind));
        Assert.Equal(PaymentState.Pending, attempt.State);
        Assert.Null(attempt.CustomerPrompt);

        time.Advance(ChannelPolicy.WeChatPay().FirstQueryDelay);
        await engine.ProcessDueWorkAsync();

        var presented = engine.GetAttempt(attempt.AttemptId)!;
        Assert.Equal(PaymentState.AwaitingCustomer, presented.State);
        Assert.Equal("prompt-1", presented.CustomerPrompt);
        Assert.Equal(2, channel.ChargeRequests.Count);
        Assert.All(channel.ChargeRequests, r => Assert.Equal(attempt.AttemptId, r.MerchantOrderNumber));
        Assert.Equal(channel.ChargeRequests[0], channel.ChargeRequests[1]);
    }

    [Fact]
    public async Task LostCreate_QuerySaysPaid_IsConfirmedWithoutSendingAgain()
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Unknown(Lost));
        channel.Queries.Enqueue(ChannelResult.Success(Money.Fen(2_000), "T1"));
        var (engine, time) = await BuildAsync(channel);

        var attempt = await engine.PayAsync(Wallet(ChargeKind.Jsapi));
        time.Advance(ChannelPolicy.WeChatPay().FirstQueryDelay);
        await engine.ProcessDueWorkAsync();

        Assert.Equal(PaymentState.Succeeded, engine.GetAttempt(attempt.AttemptId)!.State);
        Assert.Single(channel.ChargeRequests);
    }

    [Fact]
    public async Task LostCreate_SentAgainAndLostAgain_IsLoggedAndTriedNextRound()
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Unknown(Lost));
        channel.Queries.Enqueue(ChannelResult.NotFound());
        channel.Charges.Enqueue(ChannelResult.Unknown(new ChannelError(FailureCause.GatewayUnavailable, "SYSTEMERROR", "系统繁忙")));
        channel.Queries.Enqueue(ChannelResult.Paying());
        channel.Charges.Enqueue(ChannelResult.Paying("prompt-2"));
        var (engine, time) = await BuildAsync(channel);
        var policy = ChannelPolicy.WeChatPay();

        var attempt = await engine.PayAsync(Wallet(ChargeKind.Jsapi));
        time.Advance(policy.FirstQueryDelay);
        await engine.ProcessDueWorkAsync();

        Assert.Equal(PaymentState.Pending, engine.GetAttempt(attempt.AttemptId)!.State);
        var logged = engine.GetFailures("O").Select(f => (f.Operation, f.RawCode)).ToList();
        Assert.Equal([(PaymentOperation.Charge, "TRANSPORT_ERROR"), (PaymentOperation.Charge, "SYSTEMERROR")], logged);

        time.Advance(policy.QueryInterval);
        await engine.ProcessDueWorkAsync();

        var presented = engine.GetAttempt(attempt.AttemptId)!;
        Assert.Equal(PaymentState.AwaitingCustomer, presented.State);
        Assert.Equal("prompt-2", presented.CustomerPrompt);
        Assert.Equal(3, channel.ChargeRequests.Count);
    }

    [Fact]
    public async Task SentAgain_ChannelRefusesTheCreate_FailsWithTheChannelsReason()
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Unknown(Lost));
        channel.Queries.Enqueue(ChannelResult.Paying());
        channel.Charges.Enqueue(ChannelResult.Decline(new ChannelError(FailureCause.Duplicate, "ORDER_CLOSED", "订单已关闭")));
        var (engine, time) = await BuildAsync(channel);

        var attempt = await engine.PayAsync(Wallet(ChargeKind.QrCode));
        time.Advance(ChannelPolicy.WeChatPay().FirstQueryDelay);
        await engine.ProcessDueWorkAsync();

        var failed = engine.GetAttempt(attempt.AttemptId)!;
        Assert.Equal(PaymentState.Failed, failed.State);
        Assert.Equal("ORDER_CLOSED", failed.LastFailure!.RawCode);
        Assert.Equal(Money.Fen(2_000), engine.GetOrderStatus("O").AmountDue - engine.GetOrderStatus("O").InProgress);
    }

    [Fact]
    public async Task AnsweredCreate_IsNeverSentAgain()
    {
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Paying("prompt"));
        for (var i = 0; i < 5; i++)
        {
            channel.Queries.Enqueue(ChannelResult.Paying());
        }

        var (engine, time) = await BuildAsync(channel);
        var attempt = await engine.PayAsync(Wallet(ChargeKind.Jsapi));
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await engine.ProcessDueWorkAsync();
        }

        Assert.Single(channel.ChargeRequests);
        Assert.Equal("prompt", engine.GetAttempt(attempt.AttemptId)!.CustomerPrompt);
        Assert.True(channel.QueryCount >= 4);
    }

    [Fact]
    public async Task LostCodePay_IsNeverSentAgain()
    {
        // A payment code is the customer's consent to one debit: resolving it is the query's and the reverse's job.
        var channel = new ScriptedChannel();
        channel.Charges.Enqueue(ChannelResult.Unknown(Lost));
        for (var i = 0; i < 3; i++)
        {
            channel.Queries.Enqueue(ChannelResult.NotFound());
        }

        var (engine, time) = await BuildAsync(channel);
        await engine.PayAsync(new TenderRequest("O", Money.Fen(2_000), Money.Fen(2_000), ChargeKind.CodePay, "k") { PaymentCode = EngineHarness.WeChatCode });
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await engine.ProcessDueWorkAsync();
        }

        Assert.Single(channel.ChargeRequests);
    }

    private static TenderRequest Wallet(ChargeKind kind) =>
        new("O", Money.Fen(2_000), Money.Fen(2_000), kind, "k") { Channel = PaymentChannelId.WeChatPay, PayerId = kind == ChargeKind.Jsapi ? "openid-1" : null };

    private static Task<(IPaymentEngine Engine, FakeTimeProvider Time)> BuildAsync(ScriptedChannel channel) => channel.BuildEngineAsync();
}
