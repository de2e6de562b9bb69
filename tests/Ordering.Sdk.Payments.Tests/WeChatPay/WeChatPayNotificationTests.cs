using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// Callbacks delivered by the sandbox over HTTP (signed, encrypted, retried on WeChat Pay's schedule) and
// verified by the channel; tampered ones are rejected.
public sealed class WeChatPayNotificationTests
{
    [Fact]
    public async Task Callback_NativePaid_IsVerifiedDecryptedAndAcknowledged()
    {
        var parsed = new List<PaymentNotification>();
        await using var world = WeChatPayWorld.Create();
        using var receiver = Receiver(world, parsed);
        using var channel = Reconfigured(world, receiver.Url);
        await channel.ChargeAsync(WeChatPayWorld.Charge("P0000000201", 2500, ChargeKind.QrCode), default);
        world.Sandbox.CompletePayment("P0000000201");
        Assert.Equal(1, await world.Sandbox.DeliverDueCallbacksAsync());
        var notification = Assert.Single(parsed);
        Assert.Equal(PaymentNotificationKind.PaymentSucceeded, notification.Kind);
        Assert.Equal("P0000000201", notification.MerchantOrderNumber);
        Assert.Equal(Money.Fen(2500), notification.Amount);
        Assert.Equal(world.Sandbox.GetTrade("P0000000201")!.TransactionId, notification.ChannelTransactionId);
        Assert.True(Assert.Single(world.Sandbox.Deliveries).Acknowledged);
        Assert.Equal(0, await world.Sandbox.DeliverDueCallbacksAsync());
    }

    [Fact]
    public async Task Callback_MerchantAnswers500_IsRetriedOnWeChatSchedule()
    {
        var failuresLeft = 2;
        await using var world = WeChatPayWorld.Create();
        using var receiver = new NotifyReceiver((_, _) => Task.FromResult(Interlocked.Decrement(ref failuresLeft) >= 0 ? 500 : 204));
        using var channel = Reconfigured(world, receiver.Url);
        await channel.ChargeAsync(WeChatPayWorld.Charge("P0000000202", 100, ChargeKind.QrCode), default);
        world.Sandbox.CompletePayment("P0000000202");
        var start = world.Time.GetUtcNow();
        await world.Sandbox.DeliverDueCallbacksAsync();
        world.Fake.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(0, await world.Sandbox.DeliverDueCallbacksAsync());
        world.Fake.Advance(TimeSpan.FromSeconds(1));
        await world.Sandbox.DeliverDueCallbacksAsync();
        world.Fake.Advance(TimeSpan.FromSeconds(15));
        await world.Sandbox.DeliverDueCallbacksAsync();
        world.Fake.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await world.Sandbox.DeliverDueCallbacksAsync());
        var deliveries = world.Sandbox.Deliveries;
        Assert.Equal([start, start.AddSeconds(15), start.AddSeconds(30)], deliveries.Select(d => d.At));
        Assert.Equal([500, 500, 204], deliveries.Select(d => d.StatusCode));
        Assert.Single(deliveries.Select(d => d.NotificationId).Distinct());
    }

    [Fact]
    public async Task Callback_SignatureProbe_IsRejectedThenTheGenuineOneAccepted()
    {
        var parsed = new List<PaymentNotification>();
        await using var world = WeChatPayWorld.Create();
        using var receiver = Receiver(world, parsed);
        using var channel = Reconfigured(world, receiver.Url);
        await channel.ChargeAsync(WeChatPayWorld.Charge("P0000000203", 100, ChargeKind.QrCode), default);
        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.BadCallbackSignature);
        world.Sandbox.CompletePayment("P0000000203");
        await world.Sandbox.DeliverDueCallbacksAsync();
        var deliveries = world.Sandbox.Deliveries;
        Assert.Equal(2, deliveries.Count);
        Assert.True(deliveries[0].Probe);
        Assert.Equal(401, deliveries[0].StatusCode);
        Assert.True(deliveries[1].Acknowledged);
        Assert.Single(parsed);
    }

    [Fact]
    public async Task Callback_SignedWithPlatformCertificateDuringMigration_IsAccepted()
    {
        var parsed = new List<PaymentNotification>();
        await using var world = WeChatPayWorld.Create(sandbox: o => o.SignCallbacksWithPlatformCertificate = true);
        using var receiver = Receiver(world, parsed);
        using var channel = Reconfigured(world, receiver.Url);
        await channel.ChargeAsync(WeChatPayWorld.Charge("P0000000204", 100, ChargeKind.QrCode), default);
        world.Sandbox.CompletePayment("P0000000204");
        await world.Sandbox.DeliverDueCallbacksAsync();
        Assert.Single(parsed);
        Assert.Equal(world.Sandbox.PlatformCertificateSerial, receiver.Received[0].Headers["Wechatpay-Serial"]);
    }

    [Fact]
    public async Task Callback_Refund_IsParsedWithRefundNumber()
    {
        var parsed = new List<PaymentNotification>();
        await using var world = WeChatPayWorld.Create();
        using var receiver = Receiver(world, parsed);
        using var channel = Reconfigured(world, receiver.Url);
        await channel.ChargeAsync(WeChatPayWorld.Charge("P0000000205", 1000), default);
        await channel.RefundAsync(new RefundChannelRequest("P0000000205", "R0000000205", Money.Fen(400), Money.Fen(1000), null), default);
        await world.Sandbox.DeliverDueCallbacksAsync();
        var notification = Assert.Single(parsed);
        Assert.Equal(PaymentNotificationKind.RefundSucceeded, notification.Kind);
        Assert.Equal("R0000000205", notification.RefundNumber);
        Assert.Equal(Money.Fen(400), notification.Amount);
    }

    [Fact]
    public async Task ParseNotification_TamperedBodyHeaderTimestampSerialOrSignature_IsRejected()
    {
        await using var world = WeChatPayWorld.Create();
        using var receiver = new NotifyReceiver((_, _) => Task.FromResult(204));
        using var channel = Reconfigured(world, receiver.Url);
        await channel.ChargeAsync(WeChatPayWorld.Charge("P0000000206", 100, ChargeKind.QrCode), default);
        world.Sandbox.CompletePayment("P0000000206");
        await world.Sandbox.DeliverDueCallbacksAsync();
        var (headers, body) = receiver.Received[0];
        Assert.Equal(PaymentNotificationKind.PaymentSucceeded, channel.ParseNotification(headers, body).Kind);

        var tamperedBody = (byte[])body.Clone();
        tamperedBody[tamperedBody.Length / 2] ^= 0x01;
        Rejected(channel, headers, tamperedBody, "signature does not verify");
        Rejected(channel, With(headers, "Wechatpay-Nonce", "other-nonce"), body, "signature does not verify");
        Rejected(channel, With(headers, "Wechatpay-Timestamp", (long.Parse(headers["Wechatpay-Timestamp"], System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), body, "signature does not verify");
        Rejected(channel, With(headers, "Wechatpay-Serial", "PUB_KEY_ID_0000000000"), body, "unknown Wechatpay-Serial");
        Rejected(channel, With(headers, "Wechatpay-Serial", world.Sandbox.PlatformCertificateSerial!), body, "signature does not verify");
        var signature = headers["Wechatpay-Signature"];
        Rejected(channel, With(headers, "Wechatpay-Signature", (signature[0] == 'A' ? "B" : "A") + signature[1..]), body, "signature does not verify");
        Rejected(channel, With(headers, "Wechatpay-Signature", string.Empty), body, "missing");

        // Replayed six minutes later: outside the window.
        world.Fake.Advance(TimeSpan.FromMinutes(6));
        Rejected(channel, headers, body, "outside the 5 minute window");
    }

    [Fact]
    public async Task ParseNotification_AuthenticButForAnotherMerchant_IsRejected()
    {
        await using var world = WeChatPayWorld.Create();
        using var receiver = new NotifyReceiver((_, _) => Task.FromResult(204));
        using var channel = Reconfigured(world, receiver.Url);
        await channel.ChargeAsync(WeChatPayWorld.Charge("P0000000207", 100, ChargeKind.QrCode), default);
        world.Sandbox.CompletePayment("P0000000207");
        await world.Sandbox.DeliverDueCallbacksAsync();
        var options = world.Options.WithPublicKeyHeader();
        options.MerchantId = "1900000999";
        options.MerchantCertificatePem = null;
        using var other = new WeChatPayChannel(options, world.Time);
        var ex = Assert.Throws<WeChatPayNotificationException>(() => other.ParseNotification(receiver.Received[0].Headers, receiver.Received[0].Body));
        Assert.Contains("mchid", ex.Message, StringComparison.Ordinal);
    }

    private static void Rejected(WeChatPayChannel channel, IReadOnlyDictionary<string, string> headers, byte[] body, string reason)
    {
        var ex = Assert.Throws<WeChatPayNotificationException>(() => channel.ParseNotification(headers, body));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> headers, string name, string value) =>
        new(headers, StringComparer.OrdinalIgnoreCase) { [name] = value };

    private static NotifyReceiver Receiver(WeChatPayWorld world, List<PaymentNotification> parsed)
    {
        WeChatPayChannel? channel = null;
        var receiver = new NotifyReceiver((headers, body) =>
        {
            try
            {
                channel ??= new WeChatPayChannel(world.Options, world.Time);
                var notification = channel.ParseNotification(headers, body);
                lock (parsed)
                {
                    parsed.Add(notification);
                }

                return Task.FromResult(204);
            }
            catch (WeChatPayNotificationException)
            {
                return Task.FromResult(401);
            }
        });
        return receiver;
    }

    // A channel whose notify_url is the receiver (the sandbox posts callbacks to what the order carried).
    private static WeChatPayChannel Reconfigured(WeChatPayWorld world, Uri notifyUrl)
    {
        world.Options.NotifyUrl = notifyUrl;
        return new WeChatPayChannel(world.Options, world.Time, new Random(5));
    }
}
