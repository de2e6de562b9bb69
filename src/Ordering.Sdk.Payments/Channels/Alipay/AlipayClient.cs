using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ordering.Sdk.Payments.Alipay;

// One signed OpenAPI call: common parameters, RSA2 signature, form POST, the response node verified
// with the Alipay public key over its exact bytes. Never retries: callers decide what is safe to repeat.
internal sealed class AlipayClient : IDisposable
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private readonly AlipayOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly RSA _appKey;
    private readonly RSA _alipayKey;

    public AlipayClient(AlipayOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
        _appKey = AlipayKeys.Load(options.AppPrivateKeyPem);
        _alipayKey = AlipayKeys.Load(options.AlipayPublicKeyPem);
        if (options.HttpClient is { } client)
        {
            _http = client;
        }
        else
        {
            var handler = options.HttpMessageHandler ?? new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            _http = new HttpClient(handler, disposeHandler: options.HttpMessageHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
    }

    public AlipayOptions Options => _options;

    public RSA AlipayPublicKey => _alipayKey;

    public async ValueTask<AlipayResponse> ExecuteAsync(string method, IReadOnlyList<KeyValuePair<string, string>> bizContent, bool withNotifyUrl, CancellationToken cancellationToken)
    {
        var parameters = BuildParameters(method, AlipayJson.Object(bizContent), withNotifyUrl);
        using var activity = PaymentsTelemetry.ActivitySource.StartActivity("ordering.payments.alipay." + method, ActivityKind.Client);
        activity?.SetTag("channel", "alipay");
        activity?.SetTag("alipay.method", method);
        activity?.SetTag("alipay.request", Redact(parameters));

        var body = await SendAsync(parameters, cancellationToken).ConfigureAwait(false);
        var signed = AlipaySignedResponse.Extract(body, method.Replace('.', '_') + "_response");
        if (!AlipaySignature.Verify(signed.ContentText, signed.Sign, _alipayKey))
        {
            activity?.SetTag("alipay.verified", false);
            throw new AlipayProtocolException($"{method}: the response signature did not verify with the Alipay public key.");
        }

        using var document = JsonDocument.Parse(signed.Content);
        var node = document.RootElement.Clone();
        var response = new AlipayResponse(
            Text(node, "code") ?? throw new AlipayProtocolException($"{method}: the response has no code."),
            Text(node, "msg"),
            Text(node, "sub_code"),
            Text(node, "sub_msg"),
            node);
        activity?.SetTag("alipay.code", response.Code);
        activity?.SetTag("alipay.sub_code", response.SubCode);
        activity?.SetTag("alipay.response", SensitiveData.Mask(signed.ContentText));
        return response;
    }

    // Fetches a file (the bill) from a URL Alipay handed out; such downloads are not signed.
    public async ValueTask<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.GetAsync(url, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new AlipayTransportException("HTTP_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), "The bill download answered HTTP " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + ".", FailureCause.GatewayUnavailable);
            }

            return await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlipayTransportException("TIMEOUT", "The bill download did not finish within the request timeout.", FailureCause.Network, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AlipayTransportException("TRANSPORT_ERROR", "The bill download failed: " + ex.HttpRequestError.ToString() + ".", FailureCause.Network, ex);
        }
    }

    public void Dispose()
    {
        _appKey.Dispose();
        _alipayKey.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal static string FormatTimestamp(DateTimeOffset instant) =>
        instant.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    // Trace text for the request: no signature, and payment codes (any long digit run) masked.
    internal static string Redact(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            if (key == "sign")
            {
                continue;
            }

            text.Append(key).Append('=').Append(SensitiveData.Mask(value)).Append(';');
        }

        return text.ToString();
    }

    private List<KeyValuePair<string, string>> BuildParameters(string method, string bizContent, bool withNotifyUrl)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("app_id", _options.AppId),
            new("method", method),
            new("format", "JSON"),
            new("charset", "utf-8"),
            new("sign_type", "RSA2"),
            new("timestamp", FormatTimestamp(_time.GetUtcNow())),
            new("version", "1.0"),
            new("biz_content", bizContent),
        };
        if (withNotifyUrl && _options.NotifyUrl is { } notify)
        {
            parameters.Add(new("notify_url", notify.AbsoluteUri));
        }

        parameters.Add(new("sign", AlipaySignature.Sign(AlipaySignature.SignContent(parameters, includeSignType: true), _appKey)));
        return parameters;
    }

    private async ValueTask<byte[]> SendAsync(List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var content = new FormUrlEncodedContent(parameters);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
            using var response = await _http.PostAsync(_options.GatewayUrl, content, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                throw new AlipayTransportException("HTTP_" + status, "The gateway answered HTTP " + status + "; the outcome is unknown.", FailureCause.GatewayUnavailable);
            }

            return await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlipayTransportException("TIMEOUT", "No answer within the request timeout; the outcome is unknown.", FailureCause.Network, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AlipayTransportException("TRANSPORT_ERROR", "The connection failed (" + ex.HttpRequestError.ToString() + "); the outcome is unknown.", FailureCause.Network, ex);
        }
        catch (IOException ex)
        {
            throw new AlipayTransportException("TRANSPORT_ERROR", "The connection broke; the outcome is unknown.", FailureCause.Network, ex);
        }
    }

    private static string? Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
