using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Payments.Alipay;
using Ordering.Sdk.Payments.Tests.Alipay;
using Ordering.Sdk.Testing.Alipay;

namespace Ordering.Sdk.Payments.Tests.Simulation;

// The deterministic delivery mode the HTTP simulation relies on: notifications wait for the pump, go out one at
// a time, and unacknowledged ones come back on Alipay's schedule of the sandbox clock.
public sealed class AlipaySandboxOnDemandDeliveryTests
{
    [Fact]
    public async Task DeliverDueNotificationsAsync_OnDemand_DeliversOnlyWhenPumpedAndRetriesOnSchedule()
    {
        var time = new FakeTimeProvider(AlipayHarness.Start);
        var received = new List<string>();
        await using var sandbox = AlipaySandbox.Start(new AlipaySandboxOptions { AppPublicKeyPem = AlipayTestKeys.AppPublicPem, TimeProvider = time, DeliverNotificationsOnDemand = true });
        await using var endpoint = AlipayNotifyEndpoint.Start((body, _) =>
        {
            lock (received)
            {
                received.Add(body);
                return ValueTask.FromResult(received.Count == 1 ? "fail" : "success");
            }
        });
        using var client = new AlipayClient(
            new AlipayOptions
            {
                AppId = sandbox.AppId,
                SellerId = sandbox.SellerId,
                AppPrivateKeyPem = AlipayTestKeys.AppPrivatePem,
                AlipayPublicKeyPem = sandbox.AlipayPublicKeyPem,
                GatewayUrl = sandbox.GatewayUrl,
                NotifyUrl = endpoint.NotifyUrl,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                RequestTimeout = TimeSpan.FromSeconds(20),
            },
            time);
        var channel = new AlipayPaymentChannel(client);

        await channel.ChargeAsync(AlipayHarness.CodePay("D1", 500), CancellationToken.None);
        await Task.Delay(50);
        var beforePump = received.Count;
        var first = await sandbox.DeliverDueNotificationsAsync();
        var tooEarly = await sandbox.DeliverDueNotificationsAsync();
        time.Advance(AlipaySandbox.NotificationRetrySchedule[0]);
        var retried = await sandbox.DeliverDueNotificationsAsync();
        time.Advance(TimeSpan.FromDays(1));
        var afterSuccess = await sandbox.DeliverDueNotificationsAsync();

        Assert.Equal((0, 1, 0, 1, 0), (beforePump, first, tooEarly, retried, afterSuccess));
        Assert.Equal(2, received.Count);
        Assert.Equal([false, true], sandbox.Deliveries.Select(d => d.Acknowledged));
        Assert.Equal([1, 2], sandbox.Deliveries.Select(d => d.Attempt));
    }

    [Fact]
    public async Task ClearFaults_PendingFault_NeverStrikes()
    {
        await using var sandbox = AlipaySandbox.Start(new AlipaySandboxOptions { AppPublicKeyPem = AlipayTestKeys.AppPublicPem });
        sandbox.InjectFault(new AlipaySandboxFault(AlipaySandboxFaultKind.ServerError));
        var pending = sandbox.PendingFaults;

        sandbox.ClearFaults();

        Assert.Equal((1, 0), (pending, sandbox.PendingFaults));
    }
}
