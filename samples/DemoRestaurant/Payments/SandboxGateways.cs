using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DemoRestaurant.Chaos;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Payments.Alipay;
using Ordering.Sdk.Testing;
using Ordering.Sdk.Testing.Alipay;

namespace DemoRestaurant.Payments;

/// <summary>
/// The loopback WeChat Pay and Alipay sandboxes with the SDK's real adapters configured against them. The sandboxes
/// POST signed callbacks to loopback notify endpoints owned here; every callback is verified by the adapter's own
/// verifier before it is queued, and only verified notifications ever reach the payment engine.
/// </summary>
internal sealed class SandboxGateways : IAsyncDisposable
{
    private readonly ConcurrentQueue<PaymentNotification> _verified = new();
    private readonly HttpListener _weChatNotify;
    private readonly AlipayNotifyEndpoint _alipayNotify;
    private readonly ServiceProvider _adapters;
    private readonly TimeSpan _customerDelay;
    private readonly TimeProvider _time;
    private readonly ChaosSettings _chaos;
    private readonly CancellationTokenSource _stopping = new();
    private int _rejectedCallbacks;

    private SandboxGateways(WeChatPaySandbox weChat, AlipaySandbox alipay, HttpListener weChatNotify, AlipayNotifyEndpoint alipayNotify, ServiceProvider adapters, TimeSpan customerDelay, TimeProvider time, ChaosSettings chaos)
    {
        _chaos = chaos;
        WeChatSandbox = weChat;
        AlipaySandbox = alipay;
        _weChatNotify = weChatNotify;
        _alipayNotify = alipayNotify;
        _adapters = adapters;
        _customerDelay = customerDelay;
        _time = time;
        WeChatChannel = new SimulatedCustomer(adapters.GetRequiredService<IWeChatPayChannel>(), this, no => TryComplete(weChat, no), 11);
        AlipayChannel = new SimulatedCustomer(adapters.GetServices<IPaymentChannel>().Single(c => c.Id == PaymentChannelId.Alipay), this, alipay.CustomerPays, 17);
    }

    /// <summary>Gets the WeChat Pay sandbox (its trades are the gateway-side ledger).</summary>
    public WeChatPaySandbox WeChatSandbox { get; }

    /// <summary>Gets the Alipay sandbox (its trades are the gateway-side ledger).</summary>
    public AlipaySandbox AlipaySandbox { get; }

    /// <summary>Gets the real WeChat Pay adapter, with the simulated customer confirming JSAPI/Native charges.</summary>
    public IPaymentChannel WeChatChannel { get; }

    /// <summary>Gets the real Alipay adapter, with the simulated customer confirming JSAPI/QR charges.</summary>
    public IPaymentChannel AlipayChannel { get; }

    /// <summary>Gets how many callbacks failed verification and were answered with an error.</summary>
    public int RejectedCallbacks => Volatile.Read(ref _rejectedCallbacks);

    public static SandboxGateways Start(TimeSpan customerDelay, ChaosSettings chaos, TimeProvider time)
    {
        var weChat = WeChatPaySandbox.Start(new WeChatPaySandboxOptions { TimeProvider = time, Seed = 11 });
        using var appKey = RSA.Create(2048);
        var alipay = AlipaySandbox.Start(new AlipaySandboxOptions { TimeProvider = time, AppPublicKeyPem = appKey.ExportSubjectPublicKeyInfoPem() });
        var weChatNotify = new HttpListener();
        var weChatNotifyUrl = StartListener(weChatNotify);

        SandboxGateways? gateways = null;
        var alipayNotify = AlipayNotifyEndpoint.Start((body, _) => ValueTask.FromResult(gateways?.ReceiveAlipay(body) ?? "fail"));
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddWeChatPayChannel(o =>
        {
            weChat.Configure(o, weChatNotifyUrl);
            o.RequestTimeout = TimeSpan.FromSeconds(5);
        });
        services.AddAlipayChannel(o =>
        {
            o.AppId = alipay.AppId;
            o.SellerId = alipay.SellerId;
            o.AppPrivateKeyPem = appKey.ExportPkcs8PrivateKeyPem();
            o.AlipayPublicKeyPem = alipay.AlipayPublicKeyPem;
            o.GatewayUrl = alipay.GatewayUrl;
            o.NotifyUrl = alipayNotify.NotifyUrl;
            o.Subject = "Demo Bistro";
        });
        gateways = new SandboxGateways(weChat, alipay, weChatNotify, alipayNotify, services.BuildServiceProvider(), customerDelay, time, chaos);
        _ = gateways.ListenWeChatAsync();
        return gateways;
    }

    /// <summary>Delivers the WeChat Pay callbacks due now (Alipay pushes its own), then applies every verified notification.</summary>
    public async Task<int> DeliverCallbacksAsync(IPaymentEngine engine, CancellationToken cancellationToken)
    {
        await WeChatSandbox.DeliverDueCallbacksAsync(cancellationToken);
        var applied = 0;
        while (_verified.TryDequeue(out var notification))
        {
            if (await engine.ApplyNotificationAsync(notification, cancellationToken) == NotificationDisposition.Applied)
            {
                applied++;
            }
        }

        return applied;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _weChatNotify.Close();
        await _alipayNotify.DisposeAsync();
        await _adapters.DisposeAsync();
        await WeChatSandbox.DisposeAsync();
        await AlipaySandbox.DisposeAsync();
        _stopping.Dispose();
    }

    private static Uri StartListener(HttpListener listener)
    {
        // HttpListener cannot pick a free port itself: borrow one from the OS, then bind the listener to it.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var prefix = "http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/wechatpay/notify/";
        listener.Prefixes.Add(prefix);
        listener.Start();
        return new Uri(prefix);
    }

    private static bool TryComplete(WeChatPaySandbox sandbox, string outTradeNo)
    {
        try
        {
            sandbox.CompletePayment(outTradeNo);
            return true;
        }
        catch (InvalidOperationException)
        {
            // Already closed or paid: nothing for the customer to do.
            return false;
        }
    }

    private string ReceiveAlipay(string body)
    {
        var verdict = _adapters.GetRequiredService<IAlipayNotificationVerifier>().Verify(body);
        if (verdict is { IsAuthentic: true, Notification: { } notification })
        {
            _verified.Enqueue(notification);
        }
        else
        {
            Interlocked.Increment(ref _rejectedCallbacks);
        }

        return verdict.Acknowledgement;
    }

    private async Task ListenWeChatAsync()
    {
        var channel = _adapters.GetRequiredService<IWeChatPayChannel>();
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _weChatNotify.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body, _stopping.Token);
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var name in context.Request.Headers.AllKeys)
                {
                    if (name is not null && context.Request.Headers[name] is { } value)
                    {
                        headers[name] = value;
                    }
                }

                _verified.Enqueue(channel.ParseNotification(headers, body.ToArray()));
                context.Response.StatusCode = 204;
            }
            catch (WeChatPayNotificationException)
            {
                // Not authentic: an error status makes WeChat Pay re-send a genuine one later.
                Interlocked.Increment(ref _rejectedCallbacks);
                context.Response.StatusCode = 401;
            }
            catch (OperationCanceledException)
            {
                context.Response.StatusCode = 503;
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    // The simulated customer: confirms a JSAPI / QR charge in the wallet app after the configured delay (code pay is
    // settled by the sandbox's own customer model at the till).
    // settled by the sandbox's own customer model at the till). The chaos panel's wrong-password rate makes the customer
    // give up instead; the wallet then reports the payment failed and the trade is closed at the gateway.
    private sealed class SimulatedCustomer(IPaymentChannel inner, SandboxGateways owner, Func<string, bool> pay, int seed) : IPaymentChannel
    {
        private readonly Random _random = new(seed);
        private readonly ConcurrentDictionary<string, bool> _mistyped = new(StringComparer.Ordinal);

        public PaymentChannelId Id => inner.Id;

        public async ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
        {
            var result = await inner.ChargeAsync(request, cancellationToken);
            if (request.Kind is not ChargeKind.CodePay && result.Outcome == ChannelOutcome.CustomerPaying)
            {
                bool mistypes;
                lock (_random)
                {
                    mistypes = _random.NextDouble() < owner._chaos.WrongPasswordRate;
                }

                if (mistypes)
                {
                    _mistyped[request.MerchantOrderNumber] = true;
                    return result;
                }

                var number = request.MerchantOrderNumber;
                ITimer? timer = null;
                timer = owner._time.CreateTimer(
                    _ =>
                    {
                        if (!owner._stopping.IsCancellationRequested)
                        {
                            pay(number);
                        }

                        timer?.Dispose();
                    },
                    null,
                    owner._customerDelay,
                    Timeout.InfiniteTimeSpan);
            }

            return result;
        }

        public async ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken)
        {
            if (_mistyped.TryRemove(merchantOrderNumber, out _))
            {
                await inner.CancelAsync(merchantOrderNumber, cancellationToken);
                return ChannelResult.Decline(new ChannelError(FailureCause.Customer, "WRONG_PASSWORD", "The customer entered a wrong payment password.", RecommendedAction.SwitchMethod));
            }

            return await inner.QueryAsync(merchantOrderNumber, cancellationToken);
        }

        public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken) => inner.CancelAsync(merchantOrderNumber, cancellationToken);

        public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken) => inner.RefundAsync(request, cancellationToken);

        public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken) =>
            inner.QueryRefundAsync(merchantOrderNumber, refundNumber, cancellationToken);
    }
}
