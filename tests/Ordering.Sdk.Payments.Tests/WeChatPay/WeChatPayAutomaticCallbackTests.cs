using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// The sandbox delivers callbacks on its own timer from the injected clock: advancing a FakeTimeProvider
// is enough, retries follow WeChat Pay's schedule, and an explicit delivery never sends one twice.
public sealed class WeChatPayAutomaticCallbackTests
{
    [Fact]
    public async Task Callback_CustomerPaysAfterEightSeconds_IsDeliveredWhenTheClockGetsThere()
    {
        var parsed = new List<PaymentNotification>();
        await using var world = WeChatPayWorld.Create(sandbox: s => s.DeliverCallbacksAutomatically = true);
        using var receiver = Receiver(world, parsed, failFirst: 0);
        using var channel = Reconfigured(world, receiver.Url);
        world.Sandbox.EnqueueCustomer(new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.Pays, TimeSpan.FromSeconds(8)));
        await channel.ChargeAsync(WeChatPayWorld.Charge("A0000000001", 700, ChargeKind.QrCode), default);

        world.Fake.Advance(TimeSpan.FromSeconds(7));
        await Task.Delay(200);
        Assert.Empty(world.Sandbox.Deliveries);

        world.Fake.Advance(TimeSpan.FromSeconds(1));

        // The receiver parses before it answers, and the sandbox records the delivery once the answer is back.
        await WaitUntilAsync(() => Count(parsed) == 1 && world.Sandbox.Deliveries.Count == 1);
        Assert.Equal("A0000000001", parsed[0].MerchantOrderNumber);
        Assert.Equal(world.Time.GetUtcNow(), Assert.Single(world.Sandbox.Deliveries).At);
        Assert.Equal(0, await world.Sandbox.DeliverDueCallbacksAsync());
        Assert.Single(world.Sandbox.Deliveries);
    }

    [Fact]
    public async Task Callback_MerchantAnswers500_TimerRetriesOnWeChatSchedule()
    {
        var parsed = new List<PaymentNotification>();
        await using var world = WeChatPayWorld.Create(sandbox: s => s.DeliverCallbacksAutomatically = true);
        using var receiver = Receiver(world, parsed, failFirst: 1);
        using var channel = Reconfigured(world, receiver.Url);
        await channel.ChargeAsync(WeChatPayWorld.Charge("A0000000002", 100, ChargeKind.QrCode), default);
        var start = world.Time.GetUtcNow();
        world.Sandbox.CompletePayment("A0000000002");
        await WaitUntilAsync(() => world.Sandbox.Deliveries.Count == 1);
        world.Fake.Advance(TimeSpan.FromSeconds(15));
        await WaitUntilAsync(() => Count(parsed) == 1 && world.Sandbox.Deliveries.Count == 2);
        Assert.Equal([start, start.AddSeconds(15)], world.Sandbox.Deliveries.Select(d => d.At));
        Assert.Equal([500, 204], world.Sandbox.Deliveries.Select(d => d.StatusCode));
    }

    private static int Count(List<PaymentNotification> parsed)
    {
        lock (parsed)
        {
            return parsed.Count;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Real time: the sandbox's timer hands the delivery to the thread pool.
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    private static NotifyReceiver Receiver(WeChatPayWorld world, List<PaymentNotification> parsed, int failFirst)
    {
        var failuresLeft = failFirst;
        return new NotifyReceiver((headers, body) =>
        {
            if (Interlocked.Decrement(ref failuresLeft) >= 0)
            {
                return Task.FromResult(500);
            }

            var notification = world.Channel.ParseNotification(headers, body);
            lock (parsed)
            {
                parsed.Add(notification);
            }

            return Task.FromResult(204);
        });
    }

    private static WeChatPayChannel Reconfigured(WeChatPayWorld world, Uri notifyUrl)
    {
        world.Options.NotifyUrl = notifyUrl;
        return new WeChatPayChannel(world.Options, world.Time, new Random(9));
    }
}
