using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// A QR tender through the engine, paid by the simulated customer, confirmed by a callback delivered twice.
public sealed class WeChatPayDuplicateCallbackTests
{
    [Fact]
    public async Task DuplicateCallback_IsAppliedOnceByTheEngine()
    {
        await using var world = WeChatPayWorld.Create();
        var dispositions = new List<NotificationDisposition>();
        IPaymentEngine? engine = null;
        WeChatPayChannel? parser = null;
        using var receiver = new NotifyReceiver(async (headers, body) =>
        {
            parser ??= new WeChatPayChannel(world.Options, world.Time);
            var disposition = await engine!.ApplyNotificationAsync(parser.ParseNotification(headers, body));
            lock (dispositions)
            {
                dispositions.Add(disposition);
            }

            return disposition == NotificationDisposition.Rejected ? 400 : 204;
        });
        world.Options.NotifyUrl = receiver.Url;
        using var channel = new WeChatPayChannel(world.Options, world.Time);
        var policy = ChannelPolicy.WeChatPay();
        policy.RetryBaseDelay = TimeSpan.Zero;
        engine = await new PaymentEngineBuilder().AddChannel(channel, policy).UseJournal(new InMemoryPaymentJournal()).UseTimeProvider(world.Time).UseRandom(new Random(9)).BuildAsync();
        var attempt = await engine.PayAsync(new TenderRequest("order-9", Money.Fen(6600), Money.Fen(6600), ChargeKind.QrCode, "key-9") { Channel = PaymentChannelId.WeChatPay });
        Assert.Equal(PaymentState.AwaitingCustomer, attempt.State);
        Assert.StartsWith("weixin://", attempt.CustomerPrompt, StringComparison.Ordinal);

        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.DuplicateCallback);
        world.Sandbox.CompletePayment(attempt.AttemptId);
        Assert.Equal(2, await world.Sandbox.DeliverDueCallbacksAsync());
        Assert.Equal([NotificationDisposition.Applied, NotificationDisposition.Duplicate], dispositions);
        Assert.Equal(PaymentState.Succeeded, engine.GetAttempt(attempt.AttemptId)!.State);
        parser?.Dispose();
    }
}
