using System.Diagnostics;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// The full code-pay flow through PaymentEngine over real HTTP against the sandbox, on one fake clock.
public sealed class WeChatPayEngineFlowTests
{
    [Theory]
    [InlineData(WeChatPayCodePayApi.V3)]
    [InlineData(WeChatPayCodePayApi.V2)]
    public async Task PayAsync_UserPayingThenPays_PollsUntilSucceeded(WeChatPayCodePayApi api)
    {
        await using var world = WeChatPayWorld.Create(channel: o => o.CodePayApi = api);
        world.Sandbox.EnqueueCustomer(new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.Pays, TimeSpan.FromSeconds(12)));
        var engine = await BuildAsync(world, Policy());
        var attempt = await engine.PayAsync(Tender("order-1", 3300, "key-1"));
        Assert.Equal(PaymentState.AwaitingCustomer, attempt.State);

        var final = await RunUntilFinalAsync(world, engine, attempt.AttemptId, TimeSpan.FromSeconds(30));
        Assert.Equal(PaymentState.Succeeded, final.State);
        var trade = world.Sandbox.GetTrade(attempt.AttemptId)!;
        Assert.Equal("SUCCESS", trade.TradeState);
        Assert.Equal(Money.Fen(3300), trade.Captured);
        Assert.Equal(0, world.Sandbox.RejectedSignatures);
    }

    [Theory]
    [InlineData(WeChatPayCodePayApi.V3)]
    [InlineData(WeChatPayCodePayApi.V2)]
    public async Task PayAsync_UserPayingPastDeadline_IsReversedAndNothingCaptured(WeChatPayCodePayApi api)
    {
        await using var world = WeChatPayWorld.Create(channel: o => o.CodePayApi = api);
        world.Sandbox.EnqueueCustomer(new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.Pays, TimeSpan.FromSeconds(40)));
        var policy = Policy();
        policy.GiveUpAfter = TimeSpan.FromSeconds(30);
        var engine = await BuildAsync(world, policy);
        var attempt = await engine.PayAsync(Tender("order-2", 1800, "key-2"));
        var start = world.Time.GetUtcNow();

        var final = await RunUntilFinalAsync(world, engine, attempt.AttemptId, TimeSpan.FromSeconds(40));
        Assert.Equal(PaymentState.Cancelled, final.State);
        var trade = world.Sandbox.GetTrade(attempt.AttemptId)!;

        // Reversed by the engine at the deadline (WeChat's own auto-revoke is at 45 s), so the late payer never pays.
        Assert.Equal("REVOKED", trade.TradeState);
        Assert.Equal(Money.Fen(0), trade.Captured);
        Assert.True(world.Time.GetUtcNow() - start < TimeSpan.FromSeconds(45));
    }

    [Fact]
    public async Task PayAsync_ReplyLostAfterProcessing_IsResolvedByQueryNeverChargedTwice()
    {
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.DropAfterProcessing);
        var engine = await BuildAsync(world, Policy());
        var attempt = await engine.PayAsync(Tender("order-3", 990, "key-3"));
        Assert.Equal(PaymentState.Pending, attempt.State);
        var final = await RunUntilFinalAsync(world, engine, attempt.AttemptId, TimeSpan.FromSeconds(20));
        Assert.Equal(PaymentState.Succeeded, final.State);
        Assert.Single(world.Sandbox.Trades);
    }

    [Fact]
    public async Task Telemetry_EveryCallTraced_WithoutPaymentCodeOrSecrets()
    {
        var tags = new List<string>();
        var names = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrderingTelemetry.PaymentsSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (tags)
                {
                    names.Add(activity.OperationName);
                    tags.AddRange(activity.TagObjects.Select(t => t.Key + "=" + t.Value));
                    tags.Add(activity.StatusDescription ?? string.Empty);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueCustomer(new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.Pays, TimeSpan.FromSeconds(6)));
        var engine = await BuildAsync(world, Policy());
        var attempt = await engine.PayAsync(Tender("order-4", 500, "key-4"));
        await RunUntilFinalAsync(world, engine, attempt.AttemptId, TimeSpan.FromSeconds(20));
        lock (tags)
        {
            Assert.Contains("ordering.payments.wechatpay.request", names);
            Assert.Contains(tags, t => t == "url.path=/v3/pay/transactions/codepay");
            Assert.DoesNotContain(tags, t => t.Contains(WeChatPayWorld.Code, StringComparison.Ordinal));
            Assert.DoesNotContain(tags, t => t.Contains(world.Sandbox.ApiV3Key, StringComparison.Ordinal));
            Assert.DoesNotContain(tags, t => t.Contains("PRIVATE KEY", StringComparison.Ordinal));
        }
    }

    private static ChannelPolicy Policy()
    {
        var policy = ChannelPolicy.WeChatPay();
        policy.RetryBaseDelay = TimeSpan.Zero;
        return policy;
    }

    private static TenderRequest Tender(string order, long fen, string key) =>
        new(order, Money.Fen(fen), Money.Fen(fen), ChargeKind.CodePay, key) { PaymentCode = WeChatPayWorld.Code };

    private static async Task<IPaymentEngine> BuildAsync(WeChatPayWorld world, ChannelPolicy policy) =>
        await new PaymentEngineBuilder()
            .AddChannel(world.Channel, policy)
            .UseJournal(new InMemoryPaymentJournal())
            .UseTimeProvider(world.Time)
            .UseRandom(new Random(7))
            .BuildAsync();

    private static async Task<PaymentAttemptSnapshot> RunUntilFinalAsync(WeChatPayWorld world, IPaymentEngine engine, string attemptId, TimeSpan limit)
    {
        for (var elapsed = TimeSpan.Zero; elapsed <= limit; elapsed += TimeSpan.FromSeconds(1))
        {
            var attempt = engine.GetAttempt(attemptId)!;
            if (attempt.State is PaymentState.Succeeded or PaymentState.Failed or PaymentState.Cancelled)
            {
                return attempt;
            }

            world.Fake.Advance(TimeSpan.FromSeconds(1));
            await engine.ProcessDueWorkAsync();
        }

        return engine.GetAttempt(attemptId)!;
    }
}
