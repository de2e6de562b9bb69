using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Payments;

// Sends signed APIv3 requests and API v2 XML, verifies the answers, applies the connect and request
// timeouts and traces every call. Never retries: the engine decides what may be repeated.
internal sealed class WeChatPayHttp : IDisposable
{
    private const string UserAgent = "Ordering.Sdk.Payments-WeChatPay/1.0";
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly WeChatPayOptions _options;
    private readonly WeChatPayCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly Random? _random;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly Lazy<HttpClient> _certificateClient;
    private readonly Uri? _backup;

    public WeChatPayHttp(WeChatPayOptions options, WeChatPayCredentials credentials, TimeProvider time, Random? random)
    {
        _options = options;
        _credentials = credentials;
        _time = time;
        _random = random;
        if (options.HttpClient is not null)
        {
            _client = options.HttpClient;
        }
        else
        {
            _client = new HttpClient(options.HttpMessageHandler ?? CreateHandler(options), disposeHandler: options.HttpMessageHandler is null)
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _ownsClient = true;
        }

        _backup = WeChatPayFailover.BackupFor(options);
        _certificateClient = new Lazy<HttpClient>(() => new HttpClient(CreateCertificateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan });
    }

    // The handler of API v2 reverse: mutual TLS with the merchant API certificate.
    internal SocketsHttpHandler CreateCertificateHandler()
    {
        var handler = CreateHandler(_options);
        if (_credentials.MerchantCertificate is { } certificate)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        return handler;
    }

    // Downloads platform certificates when the options ask for it; set once, right after construction.
    public WeChatPayPlatformCertificates? Certificates { get; set; }

    internal Uri? BackupAddress => _backup;

    private static SocketsHttpHandler CreateHandler(WeChatPayOptions options) =>
        new() { ConnectTimeout = options.ConnectTimeout, ConnectCallback = WeChatPayFailover.ConnectAsync };

    public string NewNonce()
    {
        Span<char> chars = stackalloc char[32];
        for (var i = 0; i < chars.Length; i++)
        {
            int index;
            if (_random is null)
            {
                index = RandomNumberGenerator.GetInt32(NonceAlphabet.Length);
            }
            else
            {
                lock (_random)
                {
                    index = _random.Next(NonceAlphabet.Length);
                }
            }

            chars[i] = NonceAlphabet[index];
        }

        return new string(chars);
    }

    /// <exception cref="WeChatPayTransportException">No usable answer: timeout, reset, unverifiable signature.</exception>
    public async Task<WeChatPayResponse> SendV3Async(HttpMethod method, string pathAndQuery, byte[]? body, bool verify, CancellationToken cancellationToken)
    {
        if (verify && Certificates is { } certificates)
        {
            await certificates.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
        }

        using var activity = StartActivity("v3", method.Method, pathAndQuery);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var nonce = NewNonce();
        var payload = body ?? [];

        // The signature covers the path, not the host: the same one is valid on the backup address.
        var signature = WeChatPayV3Signature.Sign(_credentials.MerchantKey, WeChatPayV3Signature.RequestMessage(method.Method, pathAndQuery, timestamp, nonce, payload));
        var authorization = WeChatPayV3Signature.Authorization(_options.MerchantId, nonce, signature, timestamp, _options.MerchantCertificateSerial);
        HttpRequestMessage Build(Uri baseAddress)
        {
            var request = new HttpRequestMessage(method, new Uri(baseAddress, pathAndQuery.TrimStart('/')));
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            if (_options.SendPublicKeyIdHeader && !string.IsNullOrEmpty(_options.WeChatPayPublicKeyId))
            {
                request.Headers.TryAddWithoutValidation("Wechatpay-Serial", _options.WeChatPayPublicKeyId);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            return request;
        }

        var (status, responseBody, headers) = await SendWithFailoverAsync(_client, Build, activity, cancellationToken).ConfigureAwait(false);
        var requestId = First(headers, "Request-ID");
        activity?.SetTag("wechatpay.request_id", requestId);
        if (verify && status >= 500 && string.IsNullOrEmpty(First(headers, "Wechatpay-Signature")))
        {
            // Nothing in an unsigned answer is trusted; its status only says who to blame. The outcome stays unknown.
            activity?.SetStatus(ActivityStatusCode.Error, "unsigned server error");
            throw new WeChatPayTransportException(WeChatPayErrors.UnsignedServerError, "WeChat Pay answered HTTP " + status.ToString(CultureInfo.InvariantCulture) + " without a signature; the outcome is unknown.");
        }

        if (verify)
        {
            var serial = First(headers, "Wechatpay-Serial");

            // A platform certificate we have not seen yet (WeChat Pay rotated it): download once, rate-limited.
            if (Certificates is { } store && !string.IsNullOrEmpty(serial) && !_credentials.Verifier.Knows(serial) && !WeChatPayPlatformCertificates.IsPublicKeyId(serial))
            {
                await store.TryRefreshForUnknownSerialAsync(serial, cancellationToken).ConfigureAwait(false);
            }

            var failure = _credentials.Verifier.Verify(
                serial,
                First(headers, "Wechatpay-Timestamp"),
                First(headers, "Wechatpay-Nonce"),
                First(headers, "Wechatpay-Signature"),
                First(headers, "Wechatpay-Signature-Type"),
                responseBody,
                _time.GetUtcNow());
            if (failure is not null)
            {
                activity?.SetTag("wechatpay.verification", "failed");
                activity?.SetStatus(ActivityStatusCode.Error, "response signature rejected");
                throw new WeChatPayTransportException(WeChatPayErrors.BadResponseSignature, "The response signature was rejected: " + failure + ".");
            }
        }

        return new WeChatPayResponse(status, responseBody, requestId, headers);
    }

    /// <exception cref="WeChatPayTransportException">No usable answer: timeout or reset.</exception>
    public async Task<WeChatPayResponse> SendV2Async(string path, byte[] xml, bool withCertificate, CancellationToken cancellationToken)
    {
        using var activity = StartActivity("v2", "POST", path);
        HttpRequestMessage Build(Uri baseAddress)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path.TrimStart('/')))
            {
                Content = new ByteArrayContent(xml),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            return request;
        }

        activity?.SetTag("wechatpay.client_certificate", withCertificate);
        var client = withCertificate ? _certificateClient.Value : _client;
        var (status, body, headers) = await SendWithFailoverAsync(client, Build, activity, cancellationToken).ConfigureAwait(false);
        return new WeChatPayResponse(status, body, null, headers);
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }

        if (_certificateClient.IsValueCreated)
        {
            _certificateClient.Value.Dispose();
        }
    }

    private static Activity? StartActivity(string api, string method, string path)
    {
        var activity = PaymentsTelemetry.ActivitySource.StartActivity("ordering.payments.wechatpay.request", ActivityKind.Client);
        activity?.SetTag("channel", "wechatpay");
        activity?.SetTag("wechatpay.api", api);
        activity?.SetTag("http.request.method", method);

        // Paths carry order and refund numbers, never a payment code; masked anyway.
        activity?.SetTag("url.path", SensitiveData.Mask(path));
        return activity;
    }

    private static string? First(Dictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value : null;

    // The primary address first; the backup only when the primary provably never received the request.
    private async Task<(int Status, byte[] Body, Dictionary<string, string> Headers)> SendWithFailoverAsync(HttpClient client, Func<Uri, HttpRequestMessage> build, Activity? activity, CancellationToken cancellationToken)
    {
        using (var primary = build(_options.BaseAddress))
        {
            try
            {
                return await SendAsync(client, primary, activity, cancellationToken).ConfigureAwait(false);
            }
            catch (WeChatPayTransportException ex) when (ex.Code == WeChatPayErrors.Unreachable && _backup is not null && !cancellationToken.IsCancellationRequested)
            {
                activity?.SetTag("wechatpay.failover", _backup.Host);
                WeChatPayEventSource.Log.FailedOver(_options.BaseAddress.Host, _backup.Host);
            }
        }

        using var backup = build(_backup);
        return await SendAsync(client, backup, activity, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(int Status, byte[] Body, Dictionary<string, string> Headers)> SendAsync(HttpClient client, HttpRequestMessage request, Activity? activity, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers)
            {
                headers[header.Key] = header.Value.FirstOrDefault() ?? string.Empty;
            }

            return ((int)response.StatusCode, body, headers);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested && WeChatPayFailover.NeverReachedServer(ex))
        {
            activity?.SetStatus(ActivityStatusCode.Error, "unreachable");
            throw new WeChatPayTransportException(WeChatPayErrors.Unreachable, "Could not connect to " + request.RequestUri!.Host + ": " + ex.HttpRequestError.ToString() + "; nothing was sent.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw new WeChatPayTransportException(WeChatPayErrors.Timeout, string.Create(CultureInfo.InvariantCulture, $"No answer within {_options.RequestTimeout.TotalSeconds} s."), ex);
        }
        catch (HttpRequestException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "transport");
            throw new WeChatPayTransportException(WeChatPayErrors.TransportError, "The connection failed or was reset: " + ex.HttpRequestError.ToString() + ".", ex);
        }
        catch (IOException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "transport");
            throw new WeChatPayTransportException(WeChatPayErrors.TransportError, "The connection was reset.", ex);
        }
    }

    internal static string Utf8(byte[] body) => Encoding.UTF8.GetString(body);

    internal static bool IsSuccess(int status) => status is >= 200 and < 300;
}
