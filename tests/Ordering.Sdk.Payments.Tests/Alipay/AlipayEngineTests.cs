using Ordering.Sdk.Testing.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

// The barcode recovery flow end to end: engine → adapter → loopback HTTP → sandbox, on one fake clock.
public sealed class AlipayEngineTests
{
    private const string Code = "281234567890123456";

    [Fact]
    public async Task Pay_WaitBuyerPayThenCustomerPays_PollsToSuccess()
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.SetCustomer(Code, new(AlipayCustomerBehavior.PaysAfterDelay, TimeSpan.FromSeconds(10)));
        var engine = await BuildAsync(h);

        var first = await engine.PayAsync(Tender("E1", 3600));
        var final = await RunUntilSettledAsync(h, engine, first.AttemptId);

        Assert.Equal(PaymentState.AwaitingCustomer, first.State);
        Assert.Equal(PaymentState.Succeeded, final.State);
        Assert.Equal(Money.Fen(3600), final.Captured);
        Assert.Equal(h.Sandbox.GetTrade(first.AttemptId)!.TradeNo, final.ChannelTransactionId);
        Assert.Equal(AlipaySandboxTradeStatus.TradeSuccess, h.Sandbox.GetTrade(first.AttemptId)!.Status);
    }

    [Fact]
    public async Task Pay_CustomerNeverConfirms_DeadlineCancelsAtAlipay()
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.SetCustomer(Code, new(AlipayCustomerBehavior.WrongPassword, TimeSpan.Zero));
        var engine = await BuildAsync(h);

        var first = await engine.PayAsync(Tender("E2", 1500));
        var final = await RunUntilSettledAsync(h, engine, first.AttemptId);

        Assert.Equal(PaymentState.Cancelled, final.State);
        var trade = h.Sandbox.GetTrade(first.AttemptId)!;
        Assert.Equal(AlipaySandboxTradeStatus.TradeClosed, trade.Status);
        Assert.Equal(0, trade.PaidFen);
        Assert.True(h.Time.GetUtcNow() - first.CreatedAt >= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Pay_ReplyLost_QueryResolvesWithoutSecondCharge()
    {
        await using var h = AlipayHarness.Create();
        h.Sandbox.InjectFault(new(AlipaySandboxFaultKind.DropAfterProcessing, "alipay.trade.pay"));
        var engine = await BuildAsync(h);

        var first = await engine.PayAsync(Tender("E3", 990));
        var final = await RunUntilSettledAsync(h, engine, first.AttemptId);

        Assert.Equal(PaymentState.Pending, first.State);
        Assert.Equal(PaymentState.Succeeded, final.State);
        Assert.Single(h.Sandbox.GetTrades());
    }

    private static TenderRequest Tender(string order, long fen) =>
        new(order, Money.Fen(fen), Money.Fen(fen), ChargeKind.CodePay, "key-" + order) { PaymentCode = Code };

    private static ValueTask<IPaymentEngine> BuildAsync(AlipayHarness h) =>
        new PaymentEngineBuilder()
            .AddChannel(h.Channel)
            .UseJournal(new InMemoryPaymentJournal())
            .UseTimeProvider(h.Time)
            .UseRandom(new Random(7))
            .BuildAsync();

    private static async Task<PaymentAttemptSnapshot> RunUntilSettledAsync(AlipayHarness h, IPaymentEngine engine, string attemptId)
    {
        for (var step = 0; step < 200; step++)
        {
            var attempt = engine.GetAttempt(attemptId)!;
            if (attempt.State is PaymentState.Succeeded or PaymentState.Failed or PaymentState.Cancelled)
            {
                return attempt;
            }

            h.Time.Advance(TimeSpan.FromSeconds(1));
            await engine.ProcessDueWorkAsync();
        }

        return engine.GetAttempt(attemptId)!;
    }
}
