using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Payments.Alipay;
using Ordering.Sdk.Testing.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

// One sandbox, one adapter wired to it over loopback HTTP, one fake clock shared by both.
internal sealed class AlipayHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(8));

    private AlipayHarness(FakeTimeProvider time, AlipaySandbox sandbox, AlipayOptions options, AlipayNotifyEndpoint? endpoint)
    {
        Time = time;
        Sandbox = sandbox;
        Options = options;
        Endpoint = endpoint;
        Client = new AlipayClient(options, time);
        Channel = new AlipayPaymentChannel(Client);
        Verifier = new AlipayNotificationVerifier(Client);
        Bills = new AlipayBillSource(Client);
    }

    public FakeTimeProvider Time { get; }

    public AlipaySandbox Sandbox { get; }

    public AlipayOptions Options { get; }

    public AlipayNotifyEndpoint? Endpoint { get; }

    public AlipayClient Client { get; }

    public AlipayPaymentChannel Channel { get; }

    public AlipayNotificationVerifier Verifier { get; }

    public AlipayBillSource Bills { get; }

    public List<AlipayNotificationVerdict> Received { get; } = [];

    public Func<AlipayNotificationVerdict, string>? Reply { get; set; }

    public static AlipayHarness Create(bool withEndpoint = false, string? appPrivateKeyPem = null, TimeSpan? requestTimeout = null)
    {
        var time = new FakeTimeProvider(Start);
        var sandbox = AlipaySandbox.Start(new AlipaySandboxOptions { AppPublicKeyPem = AlipayTestKeys.AppPublicPem, TimeProvider = time });
        AlipayHarness? harness = null;
        AlipayNotifyEndpoint? endpoint = null;
        if (withEndpoint)
        {
            endpoint = AlipayNotifyEndpoint.Start((body, _) =>
            {
                var verdict = harness!.Verifier.Verify(body);
                lock (harness.Received)
                {
                    harness.Received.Add(verdict);
                }

                return ValueTask.FromResult(harness.Reply?.Invoke(verdict) ?? verdict.Acknowledgement);
            });
        }

        var options = new AlipayOptions
        {
            AppId = sandbox.AppId,
            SellerId = sandbox.SellerId,
            AppPrivateKeyPem = appPrivateKeyPem ?? AlipayTestKeys.AppPrivatePem,
            AlipayPublicKeyPem = sandbox.AlipayPublicKeyPem,
            GatewayUrl = sandbox.GatewayUrl,
            NotifyUrl = endpoint?.NotifyUrl ?? new Uri("https://shop.example.com/alipay/notify"),
            ConnectTimeout = requestTimeout ?? TimeSpan.FromSeconds(5), // generous: a loaded CI machine can take seconds to accept on loopback
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(20),
        };
        harness = new AlipayHarness(time, sandbox, options, endpoint);
        return harness;
    }

    public static ChargeRequest CodePay(string number, long fen, string code = "281234567890123456") =>
        new(number, "order-" + number, Money.Fen(fen), ChargeKind.CodePay, code, null);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
        if (Endpoint is not null)
        {
            await Endpoint.DisposeAsync();
        }
    }
}
