using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Testing;

/// <summary>
/// A WeChat Pay that runs on 127.0.0.1 and speaks the real protocols: APIv3 (JSAPI, Native, code pay,
/// query, close, reverse, refunds, trade bill) and API v2 code pay (micropay, orderquery, reverse). It
/// verifies the merchant's signatures and rejects bad ones with 401 SIGN_ERROR, signs its answers,
/// keeps its own ledger, simulates customers, injects faults and delivers signed, encrypted callbacks on
/// WeChat Pay's retry schedule, driven by the injected clock.
/// </summary>
/// <remarks>
/// The RSA keys derive from <see cref="WeChatPaySandboxOptions.Seed"/>, so a run replays exactly. Hand them to the
/// adapter with <see cref="Configure"/>.
/// Callbacks are delivered by the sandbox's own timer on the injected clock (advance a FakeTimeProvider and they
/// go) unless <see cref="WeChatPaySandboxOptions.DeliverCallbacksAutomatically"/> is off; <see cref="DeliverDueCallbacksAsync"/>
/// delivers what is due at once either way.
/// </remarks>
/// <threadsafety>Safe to use from the test and the server threads at once.</threadsafety>
public sealed partial class WeChatPaySandbox : IAsyncDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Seed, bool Platform, DateOnly Day), WeChatPaySandboxKeys> SharedKeys = new();
    private readonly Lock _gate = new();
    private readonly bool _ownsKeys;
    private readonly WeChatPaySandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly WeChatPaySandboxKeys _keys;
    private readonly LoopbackHttpServer _server;
    private readonly HttpClient _callbackClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Dictionary<string, SandboxTrade> _trades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxRefund> _refunds = new(StringComparer.Ordinal);
    private readonly List<SandboxCallback> _callbacks = [];
    private readonly List<WeChatPaySandboxDelivery> _deliveries = [];
    private readonly Queue<WeChatPaySandboxFault> _faults = new();
    private readonly Queue<(string Code, int Status, string Message)> _errors = new();
    private readonly Queue<WeChatPaySandboxCustomer> _customers = new();
    private readonly Dictionary<string, WeChatPaySandboxCustomer> _customersByTrade = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _bills = new(StringComparer.Ordinal);
    private long _sequence;
    private int _rejectedSignatures;

    private WeChatPaySandbox(WeChatPaySandboxOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _random = new Random(options.Seed);
        var now = _time.GetUtcNow();
        if (options.ShareKeysInProcess)
        {
            _keys = SharedKeys.GetOrAdd((options.Seed, options.IssuePlatformCertificate, DateOnly.FromDateTime(now.UtcDateTime)), _ => new WeChatPaySandboxKeys(options.Seed, new Random(options.Seed), now, options.IssuePlatformCertificate));
        }
        else
        {
            _keys = new WeChatPaySandboxKeys(options.Seed, _random, now, options.IssuePlatformCertificate);
            _ownsKeys = true;
        }

        AddInitialPlatformCertificate();
        StartAutomaticDelivery();
        _server = LoopbackHttpServer.Start(HandleAsync);
    }

    /// <summary>Gets the sandbox's base address (use it as <see cref="WeChatPayOptions.BaseAddress"/>).</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Gets the merchant id it serves.</summary>
    public string MerchantId => _options.MerchantId;

    /// <summary>Gets the app id it serves.</summary>
    public string AppId => _options.AppId;

    /// <summary>Gets the merchant API private key (PEM) generated for this instance.</summary>
    public string MerchantPrivateKeyPem => _keys.MerchantKey.ExportPkcs8PrivateKeyPem();

    /// <summary>Gets the merchant API certificate (PEM).</summary>
    public string MerchantCertificatePem => _keys.MerchantCertificatePem;

    /// <summary>Gets the merchant API certificate serial.</summary>
    public string MerchantCertificateSerial => _keys.MerchantCertificateSerial;

    /// <summary>Gets the WeChat Pay public key id (<c>PUB_KEY_ID_…</c>).</summary>
    public string PublicKeyId => _keys.PublicKeyId;

    /// <summary>Gets the WeChat Pay public key (PEM).</summary>
    public string PublicKeyPem => _keys.PublicKey.ExportSubjectPublicKeyInfoPem();

    /// <summary>Gets the platform certificate (PEM), when the sandbox has one.</summary>
    public string? PlatformCertificatePem => ActivePlatform?.Pem;

    /// <summary>Gets the platform certificate serial, when the sandbox has one.</summary>
    public string? PlatformCertificateSerial => ActivePlatform?.Serial;

    /// <summary>Gets the APIv3 key (32 bytes) callbacks are encrypted with.</summary>
    public string ApiV3Key => _keys.ApiV3Key;

    /// <summary>Gets the API v2 key.</summary>
    public string ApiV2Key => _keys.ApiV2Key;

    /// <summary>Gets how many requests were rejected for a bad signature.</summary>
    public int RejectedSignatures => Volatile.Read(ref _rejectedSignatures);

    /// <summary>Gets a snapshot of every trade.</summary>
    public IReadOnlyList<WeChatPaySandboxTrade> Trades
    {
        get
        {
            lock (_gate)
            {
                AdvanceAll();
                return [.. _trades.Values.Select(Snapshot)];
            }
        }
    }

    /// <summary>Gets a snapshot of every refund.</summary>
    public IReadOnlyList<WeChatPaySandboxRefund> Refunds
    {
        get
        {
            lock (_gate)
            {
                AdvanceAll();
                return [.. _refunds.Values.Select(r => new WeChatPaySandboxRefund(r.OutRefundNo, r.OutTradeNo, r.RefundId, Money.Fen(r.Amount), r.Status))];
            }
        }
    }

    /// <summary>Gets every callback delivery attempt so far.</summary>
    public IReadOnlyList<WeChatPaySandboxDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Starts a sandbox on a free loopback port.</summary>
    /// <param name="options">Its behaviour, or <see langword="null"/> for the defaults.</param>
    /// <returns>The running sandbox.</returns>
    public static WeChatPaySandbox Start(WeChatPaySandboxOptions? options = null) => new(options ?? new WeChatPaySandboxOptions());

    /// <summary>Fills <paramref name="options"/> with this sandbox's ids, keys and address.</summary>
    /// <param name="options">The adapter's options.</param>
    /// <param name="notifyUrl">Where callbacks go; <see langword="null"/> keeps the options' value or uses an unreachable local URL.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public void Configure(WeChatPayOptions options, Uri? notifyUrl = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MerchantId = MerchantId;
        options.AppId = AppId;
        options.MerchantCertificateSerial = MerchantCertificateSerial;
        options.MerchantPrivateKeyPem = MerchantPrivateKeyPem;
        options.MerchantCertificatePem = MerchantCertificatePem;
        options.ApiV3Key = ApiV3Key;
        options.ApiV2Key = ApiV2Key;
        options.WeChatPayPublicKeyId = PublicKeyId;
        options.WeChatPayPublicKeyPem = PublicKeyPem;
        options.PlatformCertificatePems.Clear();
        if (PlatformCertificatePem is not null)
        {
            options.PlatformCertificatePems.Add(PlatformCertificatePem);
        }

        options.BaseAddress = BaseAddress;
        options.NotifyUrl = notifyUrl ?? options.NotifyUrl ?? new Uri("http://127.0.0.1:9/wechatpay/notify");
    }

    /// <summary>Makes the next new charge's customer behave as <paramref name="customer"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    public void EnqueueCustomer(WeChatPaySandboxCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        lock (_gate)
        {
            _customers.Enqueue(customer);
        }
    }

    /// <summary>
    /// Makes the customer of the trade <paramref name="outTradeNo"/> behave as <paramref name="customer"/> when the
    /// charge creating it arrives, whatever other charges arrive meanwhile. It takes precedence over the queue of
    /// <see cref="EnqueueCustomer"/>, whose customers go to new trades in arrival order and so can be swapped between
    /// concurrent charges. A customer set for a trade that never arrives is simply never used.
    /// </summary>
    /// <param name="outTradeNo">The merchant order number the charge will carry.</param>
    /// <param name="customer">The customer.</param>
    /// <exception cref="ArgumentException"><paramref name="outTradeNo"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    public void SetCustomer(string outTradeNo, WeChatPaySandboxCustomer customer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outTradeNo);
        ArgumentNullException.ThrowIfNull(customer);
        lock (_gate)
        {
            _customersByTrade[outTradeNo] = customer;
        }
    }

    /// <summary>Makes the next request (or callback, for callback faults) suffer <paramref name="fault"/>.</summary>
    /// <param name="fault">The fault.</param>
    public void EnqueueFault(WeChatPaySandboxFault fault)
    {
        lock (_gate)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Answers the next request with an error code instead of processing it.</summary>
    /// <param name="code">The APIv3 code or API v2 err_code (for example NOAUTH, FREQUENCY_LIMITED).</param>
    /// <param name="httpStatus">The APIv3 HTTP status (ignored by v2, which answers 200).</param>
    /// <param name="message">The message.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    public void EnqueueError(string code, int httpStatus = 400, string message = "sandbox error")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        lock (_gate)
        {
            _errors.Enqueue((code, httpStatus, message));
        }
    }

    /// <summary>Gets or sets how long the sandbox waits (on its clock) before answering each request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Simulates the customer paying a NOTPAY Native or JSAPI trade now (a callback follows).</summary>
    /// <param name="outTradeNo">The trade.</param>
    /// <exception cref="InvalidOperationException">The trade does not exist or is not payable.</exception>
    public void CompletePayment(string outTradeNo)
    {
        lock (_gate)
        {
            if (!_trades.TryGetValue(outTradeNo, out var trade) || trade.State != "NOTPAY")
            {
                throw new InvalidOperationException("Trade '" + outTradeNo + "' does not exist or is not NOTPAY.");
            }

            MarkPaid(trade, _time.GetUtcNow());
        }

        ScheduleDelivery();
    }

    /// <summary>Gets a trade by merchant order number.</summary>
    /// <param name="outTradeNo">The merchant order number.</param>
    /// <returns>The trade, or <see langword="null"/> when the sandbox never received it.</returns>
    public WeChatPaySandboxTrade? GetTrade(string outTradeNo)
    {
        lock (_gate)
        {
            if (!_trades.TryGetValue(outTradeNo, out var trade))
            {
                return null;
            }

            Advance(trade, _time.GetUtcNow());
            return Snapshot(trade);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAutomaticDeliveryAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
        _callbackClient.Dispose();
        _stopping.Dispose();
        _delivering.Dispose();
        DisposePlatformCertificates();
        if (_ownsKeys)
        {
            _keys.Dispose();
        }
    }

    private static WeChatPaySandboxTrade Snapshot(SandboxTrade t) =>
        new(t.OutTradeNo, t.TransactionId, t.TradeType, t.State, Money.Fen(t.Amount), Money.Fen(t.State is "SUCCESS" or "REFUND" ? t.Amount : 0), Money.Fen(t.Refunded), t.CreatedAt, t.PaidAt);

    private async ValueTask<LoopbackHttpResponse> HandleAsync(LoopbackHttpRequest request, CancellationToken cancellationToken)
    {
        var latency = Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, _time, cancellationToken).ConfigureAwait(false);
        }

        var isV2 = !request.Path.StartsWith("/v3/", StringComparison.Ordinal);
        WeChatPaySandboxFault? fault = null;
        (string Code, int Status, string Message)? error = null;
        lock (_gate)
        {
            if (_faults.Count > 0 && _faults.Peek() is not (WeChatPaySandboxFault.DuplicateCallback or WeChatPaySandboxFault.BadCallbackSignature or WeChatPaySandboxFault.CorruptBill))
            {
                fault = _faults.Dequeue();
            }

            if (fault is null && _errors.Count > 0 && !request.Path.StartsWith("/v3/billdownload", StringComparison.Ordinal))
            {
                error = _errors.Dequeue();
            }
        }

        switch (fault)
        {
            case WeChatPaySandboxFault.DropBeforeProcessing:
                return LoopbackHttpResponse.Dropped;
            case WeChatPaySandboxFault.ServerError:
                return new LoopbackHttpResponse(500, Encoding.UTF8.GetBytes("<html>500 Internal Server Error</html>"), "text/html");
        }

        LoopbackHttpResponse response;
        if (isV2)
        {
            response = HandleV2(request, error, fault == WeChatPaySandboxFault.SystemError, fault == WeChatPaySandboxFault.BadResponseSignature);
        }
        else
        {
            response = HandleV3(request, error, fault);
        }

        ScheduleDelivery();
        return fault == WeChatPaySandboxFault.DropAfterProcessing ? LoopbackHttpResponse.Dropped : response;
    }

    private string NextId(string prefix)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        return prefix + _time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D10", CultureInfo.InvariantCulture);
    }

    private string Nonce()
    {
        lock (_gate)
        {
            const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            var chars = new char[32];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[_random.Next(Alphabet.Length)];
            }

            return new string(chars);
        }
    }

    // The caller holds _gate: the trade's own customer if one was set for it, else the next queued one.
    private WeChatPaySandboxCustomer NextCustomer(string outTradeNo, bool codePay)
    {
        if (_customersByTrade.Remove(outTradeNo, out var own))
        {
            return own;
        }

        return _customers.Count > 0
            ? _customers.Dequeue()
            : new WeChatPaySandboxCustomer(codePay ? WeChatPaySandboxCustomerAction.Pays : WeChatPaySandboxCustomerAction.NeverPays, TimeSpan.Zero);
    }

    private void AdvanceAll()
    {
        var now = _time.GetUtcNow();
        foreach (var trade in _trades.Values)
        {
            Advance(trade, now);
        }

        foreach (var refund in _refunds.Values)
        {
            AdvanceRefund(refund, now);
        }
    }

    // The customer acts when their time comes; WeChat Pay revokes unpaid code-pay trades after 45 s.
    private void Advance(SandboxTrade trade, DateTimeOffset now)
    {
        if (trade.State is not ("USERPAYING" or "NOTPAY"))
        {
            return;
        }

        var decideAt = trade.CreatedAt + trade.Customer.After;
        var isCodePay = trade.TradeType == "MICROPAY";
        if (now >= decideAt && trade.Customer.Action != WeChatPaySandboxCustomerAction.NeverPays && (isCodePay || trade.Customer.After > TimeSpan.Zero))
        {
            switch (trade.Customer.Action)
            {
                case WeChatPaySandboxCustomerAction.Pays:
                    MarkPaid(trade, decideAt);
                    return;
                case WeChatPaySandboxCustomerAction.WrongPassword:
                    Fail(trade, "支付失败，用户支付密码错误");
                    return;
                case WeChatPaySandboxCustomerAction.InsufficientBalance:
                    Fail(trade, "支付失败，用户余额不足");
                    return;
                case WeChatPaySandboxCustomerAction.Cancels:
                    Fail(trade, "用户取消支付");
                    return;
                case WeChatPaySandboxCustomerAction.ExpiredCode:
                    Fail(trade, "付款码已过期");
                    return;
            }
        }

        if (isCodePay && now >= trade.CreatedAt + TimeSpan.FromSeconds(45))
        {
            trade.State = "REVOKED";
            trade.StateDescription = "订单已撤销";
        }
    }

    private static void Fail(SandboxTrade trade, string description)
    {
        trade.State = "PAYERROR";
        trade.StateDescription = description;
    }

    private void MarkPaid(SandboxTrade trade, DateTimeOffset at)
    {
        trade.State = "SUCCESS";
        trade.StateDescription = "支付成功";
        trade.PaidAt = at;
        if (trade.NotifyUrl is not null)
        {
            EnqueueCallback("TRANSACTION.SUCCESS", "transaction", trade.OutTradeNo, trade.NotifyUrl, TransactionJson(trade), "支付成功", at);
        }
    }

    private void AdvanceRefund(SandboxRefund refund, DateTimeOffset now)
    {
        if (refund.Status != "PROCESSING" || now < refund.CreatedAt + _options.RefundDelay)
        {
            return;
        }

        refund.Status = "SUCCESS";
        refund.SucceededAt = refund.CreatedAt + _options.RefundDelay;
        var trade = _trades[refund.OutTradeNo];
        trade.Refunded += refund.Amount;
        trade.State = "REFUND";
        if (refund.NotifyUrl is not null)
        {
            EnqueueCallback("REFUND.SUCCESS", "refund", refund.OutTradeNo, refund.NotifyUrl, RefundCallbackJson(refund, trade), "退款成功", refund.SucceededAt.Value);
        }
    }

    private static string SignBase64(RSA key, byte[] message) =>
        Convert.ToBase64String(key.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static byte[] Concat(string head, byte[] body)
    {
        var headBytes = Encoding.UTF8.GetBytes(head);
        var message = new byte[headBytes.Length + body.Length + 1];
        headBytes.CopyTo(message, 0);
        body.CopyTo(message, headBytes.Length);
        message[^1] = (byte)'\n';
        return message;
    }
}
