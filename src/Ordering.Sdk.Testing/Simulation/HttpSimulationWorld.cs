using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Payments.Alipay;
using Ordering.Sdk.Testing.Alipay;

namespace Ordering.Sdk.Testing;

// One seed's world over real loopback HTTP: the engine with the real WeChat Pay and Alipay adapters, both
// sandboxes and the merchant's callback endpoints, one fake clock for all of them, a journal that crashes the
// engine at chosen steps. Everything is driven from one logical thread, one call at a time, so the seed alone
// decides what happens. A safety phase with faults is followed by a liveness phase where faults heal; then the
// invariants are checked against the sandboxes' ledgers.
internal sealed partial class HttpSimulationWorld : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 11, 30, 0, TimeSpan.Zero);
    private static readonly Lazy<(string Private, string Public)> AlipayAppKey = new(() =>
    {
        using var key = RSA.Create(2048);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    });

    private const int SafetyTicks = 180;
    // An hour: a till may retry a QR or mini-program tender several times, each waiting the 5-minute customer timeout.
    private const int LivenessTicks = 3600;

    private readonly ulong _seed;
    private readonly Random _random;
    private readonly SimulationClock _time = new(Start);
    private readonly InMemoryPaymentJournal _durable = new();
    private readonly CrashingJournal _journal;
    private readonly CashChannel _cash = new();
    private readonly SimulatedNetwork _wechatNetwork = new();
    private readonly SimulatedNetwork _alipayNetwork = new();
    private readonly WeChatPaySandbox _wechat;
    private readonly AlipaySandbox _alipay;
    private readonly LoopbackHttpServer _wechatReceiver;
    private readonly AlipayNotifyEndpoint _alipayReceiver;
    private readonly WeChatPayCodePayApi _codePayApi;
    private readonly List<HttpSagaDriver> _sagas = [];
    private readonly List<string> _violations = [];
    private readonly TextWriter? _trace;
    private ChannelServices? _wechatServices;
    private ChannelServices? _alipayServices;
    private IWeChatPayChannel _wechatChannel = null!;
    private IAlipayNotificationVerifier _alipayVerifier = null!;
    private IPaymentEngine _engine = null!;
    private SimulatedCrashException? _crashInReceiver;
    private int _restarts;

    private HttpSimulationWorld(ulong seed, TextWriter? trace)
    {
        _seed = seed;
        _trace = trace;
        _random = new Random(unchecked((int)(seed ^ (seed >> 32) ^ 0x2545F491UL)));
        _faultRate = _random.NextDouble() * 0.4;
        _codePayApi = _random.Next(10) < 3 ? WeChatPayCodePayApi.V2 : WeChatPayCodePayApi.V3;
        var refundDelay = _random.Next(3) == 0 ? TimeSpan.FromSeconds(_random.Next(1, 30)) : TimeSpan.Zero;
        var crashSteps = new HashSet<long>();
        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            crashSteps.Add(_random.Next(1, 80));
        }

        _journal = new CrashingJournal(_durable, crashSteps, new Random(_random.Next()));

        // Keys are shared across seeds (generating RSA keys would dominate a seed); ids and nonces come from the seed.
        _wechat = WeChatPaySandbox.Start(new WeChatPaySandboxOptions { TimeProvider = _time, Seed = 1, ShareKeysInProcess = true, RefundDelay = refundDelay });
        _alipay = AlipaySandbox.Start(new AlipaySandboxOptions { AppPublicKeyPem = AlipayAppKey.Value.Public, TimeProvider = _time, DeliverNotificationsOnDemand = true });
        _wechatReceiver = LoopbackHttpServer.Start(ReceiveWeChatAsync);
        _alipayReceiver = AlipayNotifyEndpoint.Start(ReceiveAlipayAsync);

        var orders = _random.Next(1, 6);
        for (var i = 0; i < orders; i++)
        {
            _sagas.Add(NewSaga(string.Create(CultureInfo.InvariantCulture, $"O{i}")));
        }

        Trace($"faultRate={_faultRate:F3} wechatCodePay={_codePayApi} refundDelay={refundDelay.TotalSeconds}s crashes at [{string.Join(',', crashSteps.Order())}] orders={orders}");
    }

    public int Sagas => _sagas.Count;

    public int Restarts => _restarts;

    public IReadOnlyDictionary<string, long> InjectedFaults => _injected;

    public static async Task<HttpSimulationWorld> CreateAsync(ulong seed, TextWriter? trace)
    {
        var world = new HttpSimulationWorld(seed, trace);
        try
        {
            world._engine = await world.BuildEngineAsync().ConfigureAwait(false);
            return world;
        }
        catch
        {
            await world.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<List<string>> RunAsync()
    {
        try
        {
            for (var t = 0; t < SafetyTicks; t++)
            {
                await TickAsync(safety: true).ConfigureAwait(false);
            }

            // Liveness: faults heal and crashes stop; every saga must now finish.
            Heal();
            _journal.Enabled = false;
            _livenessStart = _time.GetUtcNow();
            Trace("faults healed");
            for (var t = 0; t < LivenessTicks; t++)
            {
                await TickAsync(safety: false).ConfigureAwait(false);
                if (_sagas.TrueForAll(s => s.Finished) && _engine.NextDueAt is null)
                {
                    break;
                }
            }

            await CheckAsync().ConfigureAwait(false);
            if (_violations.Count > 0 && _trace is not null)
            {
                foreach (var entry in await _durable.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    Trace($"journal #{entry.Sequence} {entry.Kind} {entry.AttemptId} state={entry.State} trigger={entry.Trigger} amount={entry.Amount} abandoned={entry.Abandoned} refund={entry.RefundNumber} {entry.RefundState} {entry.RawCode}");
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _violations.Add("unexpected exception: " + ex.GetType().Name + ": " + ex.Message);
            Trace("unexpected exception: " + ex);
        }

        return _violations;
    }

    public async ValueTask DisposeAsync()
    {
        _wechatServices?.Dispose();
        _alipayServices?.Dispose();
        await _wechatReceiver.DisposeAsync().ConfigureAwait(false);
        await _alipayReceiver.DisposeAsync().ConfigureAwait(false);
        await _wechat.DisposeAsync().ConfigureAwait(false);
        await _alipay.DisposeAsync().ConfigureAwait(false);
        _wechatNetwork.Dispose();
        _alipayNetwork.Dispose();
    }

    private async Task TickAsync(bool safety)
    {
        var context = new HttpSagaContext(_engine, _random, PrepareCustomer, AttemptCreated, _violations.Add, _trace is null ? null : Trace);
        foreach (var saga in _sagas)
        {
            if (!await GuardAsync(() => saga.StepAsync(context)).ConfigureAwait(false))
            {
                context = context with { Engine = _engine };
            }
        }

        await GuardAsync(() => _engine.ProcessDueWorkAsync().AsTask()).ConfigureAwait(false);
        CustomersAct();
        await _wechat.DeliverDueCallbacksAsync().ConfigureAwait(false);
        await RestartIfReceiverCrashedAsync().ConfigureAwait(false);
        await _alipay.DeliverDueNotificationsAsync().ConfigureAwait(false);
        await RestartIfReceiverCrashedAsync().ConfigureAwait(false);
        if (safety)
        {
            MaybeInjectFault();
        }

        _time.Advance(Tick);
    }

    // Runs a step; a simulated crash restarts the engine (and the adapters) from the journal, and the tills
    // re-send what they were doing.
    private async Task<bool> GuardAsync(Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
            return true;
        }
        catch (SimulatedCrashException crash)
        {
            await RestartAsync(crash).ConfigureAwait(false);
            return false;
        }
    }

    private async Task RestartIfReceiverCrashedAsync()
    {
        if (_crashInReceiver is { } crash)
        {
            await RestartAsync(crash).ConfigureAwait(false);
        }
    }

    private async Task RestartAsync(SimulatedCrashException crash)
    {
        _restarts++;
        Trace("CRASH " + crash.Message + "; restarting from the journal");
        while (true)
        {
            try
            {
                _engine = await BuildEngineAsync().ConfigureAwait(false);
                break;
            }
            catch (SimulatedCrashException again)
            {
                // Resuming repairs too, so the restart itself can crash: restart again.
                _restarts++;
                Trace("CRASH " + again.Message + " during restart; restarting again");
            }
        }

        _crashInReceiver = null;
        foreach (var saga in _sagas)
        {
            saga.ForgetAttemptInProgress();
        }

        NoteResolvedByRestart();
    }

    // A restarted process has fresh adapters too: nothing an adapter remembers in memory survives.
    private async Task<IPaymentEngine> BuildEngineAsync()
    {
        _wechatServices?.Dispose();
        _alipayServices?.Dispose();
        _wechatServices = new ChannelServices(_time, services => services.AddWeChatPayChannel(options =>
        {
            _wechat.Configure(options, new Uri(_wechatReceiver.BaseAddress, "wechatpay/notify"));
            options.CodePayApi = _codePayApi;
            options.HttpMessageHandler = _wechatNetwork;

            // Generous: only injected faults may turn an answer into an unknown outcome, never a slow machine.
            options.ConnectTimeout = TimeSpan.FromSeconds(30);
            options.RequestTimeout = TimeSpan.FromSeconds(60);
        }));
        _alipayServices = new ChannelServices(_time, services => services.AddAlipayChannel(options =>
        {
            options.AppId = _alipay.AppId;
            options.SellerId = _alipay.SellerId;
            options.AppPrivateKeyPem = AlipayAppKey.Value.Private;
            options.AlipayPublicKeyPem = _alipay.AlipayPublicKeyPem;
            options.GatewayUrl = _alipay.GatewayUrl;
            options.NotifyUrl = _alipayReceiver.NotifyUrl;
            options.HttpMessageHandler = _alipayNetwork;
            options.ConnectTimeout = TimeSpan.FromSeconds(30);
            options.RequestTimeout = TimeSpan.FromSeconds(60);
        }));
        _wechatChannel = _wechatServices.Get<IWeChatPayChannel>();
        var alipayChannel = _alipayServices.Get<IPaymentChannel>();
        _alipayVerifier = _alipayServices.Get<IAlipayNotificationVerifier>();

        static ChannelPolicy Policy(ChannelPolicy policy)
        {
            // Back-off waits on the fake clock, which only moves between ticks; the engine's own schedule spaces retries.
            policy.RetryBaseDelay = TimeSpan.Zero;
            return policy;
        }

        var engine = await new PaymentEngineBuilder()
            .AddChannel(_wechatChannel, Policy(ChannelPolicy.WeChatPay()))
            .AddChannel(alipayChannel, Policy(ChannelPolicy.Alipay()))
            .AddChannel(_cash, Policy(ChannelPolicy.Local()))
            .UseJournal(_journal)
            .UseTimeProvider(_time)
            .UseRandom(new Random(_random.Next()))
            .BuildAsync()
            .ConfigureAwait(false);
        engine.AttemptChanged += OnAttemptChanged;
        return engine;
    }

    // The merchant's WeChat Pay callback endpoint: verify and decrypt with the adapter, then hand to the engine.
    private async ValueTask<LoopbackHttpResponse> ReceiveWeChatAsync(LoopbackHttpRequest request, CancellationToken cancellationToken)
    {
        if (_crashInReceiver is not null)
        {
            return Reply(500, "FAIL", "restarting");
        }

        PaymentNotification notification;
        try
        {
            notification = _wechatChannel.ParseNotification(request.Headers, request.Body);
        }
        catch (WeChatPayNotificationException)
        {
            Trace("wechat callback rejected");
            return Reply(401, "FAIL", "signature");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _violations.Add($"parsing a WeChat Pay callback threw {ex.GetType().Name} instead of rejecting it: {ex.Message}");
            return Reply(500, "FAIL", "error");
        }

        return await ApplyAsync(notification).ConfigureAwait(false) ? new LoopbackHttpResponse(204, []) : Reply(500, "FAIL", "not applied");
    }

    private async ValueTask<string> ReceiveAlipayAsync(string body, CancellationToken cancellationToken)
    {
        if (_crashInReceiver is not null)
        {
            return "fail";
        }

        AlipayNotificationVerdict verdict;
        try
        {
            verdict = _alipayVerifier.Verify(body);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _violations.Add($"verifying an Alipay notification threw {ex.GetType().Name} instead of rejecting it: {ex.Message}");
            return "fail";
        }

        if (!verdict.IsAuthentic)
        {
            Trace("alipay notification rejected");
            return verdict.Acknowledgement;
        }

        return verdict.Notification is null || await ApplyAsync(verdict.Notification).ConfigureAwait(false) ? verdict.Acknowledgement : "fail";
    }

    private async Task<bool> ApplyAsync(PaymentNotification notification)
    {
        try
        {
            var disposition = await _engine.ApplyNotificationAsync(notification).ConfigureAwait(false);
            Trace($"notification {notification.Channel} {notification.Kind} {notification.MerchantOrderNumber} {notification.Amount} -> {disposition}");
            return true;
        }
        catch (SimulatedCrashException crash)
        {
            // Not acknowledged: the channel delivers it again; the engine restarts once the delivery returns.
            _crashInReceiver = crash;
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A genuine notification must never make the engine throw: the channel would retry it forever.
            _violations.Add($"applying {notification.Kind} for {notification.MerchantOrderNumber} threw {ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }

    private static LoopbackHttpResponse Reply(int status, string code, string message) =>
        new(status, Encoding.UTF8.GetBytes("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}"), "application/json");

    private HttpSagaDriver NewSaga(string orderId)
    {
        var due = (long)_random.Next(1, 60_000);
        var parts = due >= 3 ? _random.Next(1, 4) : 1;
        var tenders = new List<(long, HttpSagaMethod)>();
        var left = due;
        for (var i = 0; i < parts; i++)
        {
            var amount = i == parts - 1 ? left : _random.NextInt64(1, left - (parts - i - 1) + 1);
            left -= amount;
            tenders.Add((amount, PickMethod()));
        }

        var refund = _random.Next(3) == 0 ? _random.NextInt64(1, due + 1) : 0;
        return new HttpSagaDriver(orderId, due, tenders, refund);
    }

    private HttpSagaMethod PickMethod() => _random.Next(100) switch
    {
        < 30 => HttpSagaMethod.WeChatCode,
        < 55 => HttpSagaMethod.AlipayCode,
        < 67 => HttpSagaMethod.WeChatJsapi,
        < 74 => HttpSagaMethod.WeChatNative,
        < 84 => HttpSagaMethod.AlipayQr,
        < 92 => HttpSagaMethod.AlipayJsapi,
        _ => HttpSagaMethod.Cash,
    };

    private void Trace(string message)
    {
        _trace?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_seed} t={(_time.GetUtcNow() - Start).TotalSeconds,5}s] {message}"));
    }
}
