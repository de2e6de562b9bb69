using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ordering.Sdk.Testing.Alipay;

/// <summary>
/// A loopback Alipay OpenAPI gateway (<c>/gateway.do</c>) for tests: it verifies the caller's RSA2
/// signatures with the app public key and rejects bad ones (40002 isv.invalid-signature), signs every
/// answer with its own key over the exact response node, keeps a ledger of trades and refunds, simulates
/// customers, injects faults, posts signed notifications with Alipay's retry schedule until the receiver
/// answers <c>success</c>, and serves the daily trade bill.
/// </summary>
public sealed partial class AlipaySandbox : IAsyncDisposable
{
    /// <summary>The delays between notification deliveries after the first: 4m, 10m, 10m, 1h, 2h, 6h, 15h.</summary>
    public static readonly IReadOnlyList<TimeSpan> NotificationRetrySchedule =
    [
        TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1),
        TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(15),
    ];

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly AlipaySandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly RSA _sandboxKey;
    private readonly RSA _appKey;
    private readonly LoopbackHttpServer _server;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SandboxTrade> _trades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlipaySandboxCustomer> _customers = new(StringComparer.Ordinal);
    private readonly List<AlipaySandboxFault> _faults = [];
    private readonly List<ITimer> _timers = [];
    private readonly HttpClient _notifyClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private long _tradeSequence;
    private int _badSignatureRequests;

    private AlipaySandbox(AlipaySandboxOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _sandboxKey = SeededRsaKeys.Create(options.KeySeed, "alipay-sandbox");
        _appKey = RSA.Create();
        _appKey.ImportFromPem(options.AppPublicKeyPem);
        AlipayPublicKeyPem = _sandboxKey.ExportSubjectPublicKeyInfoPem();
        _server = LoopbackHttpServer.Start(HandleAsync);
    }

    /// <summary>Gets the server's address, ending with '/'.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Gets the gateway URL to configure the adapter with.</summary>
    public Uri GatewayUrl => new(_server.BaseAddress, "gateway.do");

    /// <summary>Gets this sandbox's own Alipay public key (PEM): the adapter verifies answers and notifications with it.</summary>
    public string AlipayPublicKeyPem { get; }

    /// <summary>Gets the application id the sandbox accepts.</summary>
    public string AppId => _options.AppId;

    /// <summary>Gets the seller id the sandbox reports.</summary>
    public string SellerId => _options.SellerId;

    /// <summary>Gets how many requests were rejected for a bad signature.</summary>
    public int RejectedSignatures => Volatile.Read(ref _badSignatureRequests);

    /// <summary>Starts a sandbox on a free loopback port with a fresh key pair.</summary>
    /// <param name="options">The app id, seller id and the app public key to verify requests with.</param>
    /// <returns>The running sandbox.</returns>
    /// <exception cref="ArgumentException">The app public key is missing or unreadable.</exception>
    public static AlipaySandbox Start(AlipaySandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AppPublicKeyPem))
        {
            throw new ArgumentException("AppPublicKeyPem: the sandbox needs the app public key to verify requests.", nameof(options));
        }

        return new AlipaySandbox(options);
    }

    /// <summary>Sets what the customer holding a payment code does.</summary>
    /// <param name="authCode">The payment code.</param>
    /// <param name="customer">The behaviour.</param>
    public void SetCustomer(string authCode, AlipaySandboxCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(authCode);
        ArgumentNullException.ThrowIfNull(customer);
        lock (_lock)
        {
            _customers[authCode] = customer;
        }
    }

    /// <summary>Queues a fault for the next matching call (or notification).</summary>
    /// <param name="fault">The fault.</param>
    public void InjectFault(AlipaySandboxFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Gets how many injected faults are still waiting for a matching call or notification.</summary>
    public int PendingFaults
    {
        get
        {
            lock (_lock)
            {
                return _faults.Count;
            }
        }
    }

    /// <summary>Drops every injected fault that has not struck yet (the network heals).</summary>
    public void ClearFaults()
    {
        lock (_lock)
        {
            _faults.Clear();
        }
    }

    /// <summary>Simulates the customer paying a QR or mini-program trade that waits for them.</summary>
    /// <param name="outTradeNo">The trade.</param>
    /// <returns>Whether a waiting trade was paid.</returns>
    public bool CustomerPays(string outTradeNo)
    {
        lock (_lock)
        {
            if (!_trades.TryGetValue(outTradeNo, out var trade) || trade.Status != AlipaySandboxTradeStatus.WaitBuyerPay)
            {
                return false;
            }

            MarkPaid(trade);
            return true;
        }
    }

    /// <summary>Gets a snapshot of one trade, or <see langword="null"/>.</summary>
    /// <param name="outTradeNo">The merchant order number.</param>
    /// <returns>The trade.</returns>
    public AlipaySandboxTrade? GetTrade(string outTradeNo)
    {
        lock (_lock)
        {
            if (!_trades.TryGetValue(outTradeNo, out var trade))
            {
                return null;
            }

            Advance(trade);
            return trade.ToSnapshot();
        }
    }

    /// <summary>Gets a snapshot of the whole ledger.</summary>
    /// <returns>Every trade.</returns>
    public IReadOnlyList<AlipaySandboxTrade> GetTrades()
    {
        lock (_lock)
        {
            foreach (var trade in _trades.Values)
            {
                Advance(trade);
            }

            return [.. _trades.Values.Select(t => t.ToSnapshot())];
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        await _server.DisposeAsync().ConfigureAwait(false);
        _notifyClient.Dispose();
        _sandboxKey.Dispose();
        _appKey.Dispose();
    }

    private async ValueTask<LoopbackHttpResponse> HandleAsync(LoopbackHttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Method == "GET" && request.Path.StartsWith("/bill/", StringComparison.Ordinal))
        {
            return ServeBill(request.Path);
        }

        if (request.Method != "POST" || request.Path != "/gateway.do")
        {
            return new LoopbackHttpResponse(404, Encoding.UTF8.GetBytes("not found"), "text/plain");
        }

        var form = ParseForm(Encoding.UTF8.GetString(request.Body));
        if (!string.IsNullOrEmpty(request.Query))
        {
            form.AddRange(ParseForm(request.Query));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            values[key] = value;
        }

        var method = values.GetValueOrDefault("method") ?? string.Empty;
        var node = method.Length > 0 ? method.Replace('.', '_') + "_response" : "error_response";
        var fault = TakeFault(method, f => f.Kind is not (AlipaySandboxFaultKind.DuplicateNotification or AlipaySandboxFaultKind.BadSignatureNotification));
        if (fault?.Kind == AlipaySandboxFaultKind.ServerError)
        {
            return new LoopbackHttpResponse(502, Encoding.UTF8.GetBytes("<html>502 Bad Gateway</html>"), "text/html");
        }

        if (fault?.Kind == AlipaySandboxFaultKind.UnknownError)
        {
            return Answer(node, Error("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙"), badSignature: false);
        }

        if (fault?.Kind == AlipaySandboxFaultKind.SystemError)
        {
            return Answer(node, BusinessError("ACQ.SYSTEM_ERROR", "系统错误"), badSignature: false);
        }

        var result = Check(values) ?? Dispatch(method, values);
        switch (fault?.Kind)
        {
            case AlipaySandboxFaultKind.DropAfterProcessing:
                return LoopbackHttpResponse.Dropped;
            case AlipaySandboxFaultKind.Latency:
                await Task.Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
                break;
        }

        return Answer(node, result, fault?.Kind == AlipaySandboxFaultKind.BadSignature);
    }

    // The gateway's own checks, in Alipay's order: app, charset and sign type, then the signature.
    private Fields? Check(Dictionary<string, string> values)
    {
        if (values.GetValueOrDefault("app_id") != _options.AppId)
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数");
        }

        if (values.GetValueOrDefault("sign_type") != "RSA2")
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-signature-type", "无效的签名类型");
        }

        if (values.GetValueOrDefault("charset") is { } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-charset", "字符集不合法");
        }

        if (!values.TryGetValue("sign", out var sign) || !SandboxCrypto.Verify(SandboxCrypto.Content(values, includeSignType: true), sign, _appKey))
        {
            Interlocked.Increment(ref _badSignatureRequests);
            return Error("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配");
        }

        if (!values.TryGetValue("timestamp", out var timestamp)
            || !DateTime.TryParseExact(timestamp, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-timestamp", "非法的时间戳参数");
        }

        return null;
    }

    private Fields Dispatch(string method, Dictionary<string, string> values)
    {
        Dictionary<string, string> biz;
        try
        {
            biz = ParseBiz(values.GetValueOrDefault("biz_content"));
        }
        catch (JsonException)
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-parameter", "biz_content不是合法的JSON");
        }

        var notifyUrl = values.GetValueOrDefault("notify_url");
        lock (_lock)
        {
            return method switch
            {
                "alipay.trade.pay" => Pay(biz, notifyUrl),
                "alipay.trade.create" => Create(biz, notifyUrl, "create"),
                "alipay.trade.precreate" => Create(biz, notifyUrl, "precreate"),
                "alipay.trade.query" => Query(biz),
                "alipay.trade.cancel" => Cancel(biz),
                "alipay.trade.close" => Close(biz),
                "alipay.trade.refund" => Refund(biz),
                "alipay.trade.fastpay.refund.query" => RefundQuery(biz),
                "alipay.data.dataservice.bill.downloadurl.query" => BillUrl(biz),
                _ => Error("40001", "Missing Required Arguments", "isv.invalid-method", "不存在的方法名"),
            };
        }
    }

    private LoopbackHttpResponse Answer(string node, Fields fields, bool badSignature)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields.Items)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        var content = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var sign = SandboxCrypto.Sign(badSignature ? content + " " : content, _sandboxKey);
        var body = "{\"" + node + "\":" + content + ",\"sign\":\"" + sign + "\"}";
        return new LoopbackHttpResponse(200, Encoding.UTF8.GetBytes(body), "application/json;charset=utf-8");
    }

    private AlipaySandboxFault? TakeFault(string method, Func<AlipaySandboxFault, bool> applies)
    {
        lock (_lock)
        {
            var index = _faults.FindIndex(f => (f.Method is null || f.Method == method) && applies(f));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private static List<KeyValuePair<string, string>> ParseForm(string text)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            fields.Add(new(WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]), equals < 0 ? string.Empty : WebUtility.UrlDecode(pair[(equals + 1)..])));
        }

        return fields;
    }

    private static Dictionary<string, string> ParseBiz(string? json)
    {
        var biz = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return biz;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("biz_content is not an object.");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            biz[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return biz;
    }

    private static string ChinaTime(DateTimeOffset instant) => instant.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static Fields Error(string code, string msg, string subCode, string subMsg) =>
        new Fields().Add("code", code).Add("msg", msg).Add("sub_code", subCode).Add("sub_msg", subMsg);

    private static Fields BusinessError(string subCode, string subMsg) => Error("40004", "Business Failed", subCode, subMsg);

    private static Fields Success() => new Fields().Add("code", "10000").Add("msg", "Success");

    // An ordered list of response fields (Alipay answers keep a stable field order).
    private sealed class Fields
    {
        public List<KeyValuePair<string, string>> Items { get; } = [];

        public Fields Add(string name, string? value)
        {
            if (value is not null)
            {
                Items.Add(new(name, value));
            }

            return this;
        }
    }
}
