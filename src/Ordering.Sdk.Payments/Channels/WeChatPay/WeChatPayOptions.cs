namespace Ordering.Sdk.Payments;

/// <summary>
/// The merchant's WeChat Pay configuration, validated eagerly when the channel is created: every
/// problem is reported at start-up, by field, instead of at the lunch peak.
/// </summary>
/// <remarks>
/// Responses and callbacks are verified with the WeChat Pay public key (<c>PUB_KEY_ID_…</c>) and with
/// platform certificates at the same time, chosen by the <c>Wechatpay-Serial</c> header, so a merchant
/// in the middle of the public-key migration (灰度) accepts both. Secrets never appear in logs,
/// traces or exception messages.
/// </remarks>
public sealed class WeChatPayOptions
{
    /// <summary>Gets or sets the merchant id (mchid), digits only.</summary>
    public string MerchantId { get; set; } = string.Empty;

    /// <summary>Gets or sets the app id (appid) of the official account or mini-program, <c>wx</c> and 16 characters.</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>Gets or sets the serial number (hex) of the merchant API certificate (apiclient_cert.pem).</summary>
    public string MerchantCertificateSerial { get; set; } = string.Empty;

    /// <summary>Gets or sets the merchant API private key in PEM (apiclient_key.pem); a secret.</summary>
    public string MerchantPrivateKeyPem { get; set; } = string.Empty;

    /// <summary>Gets or sets the merchant API certificate in PEM (apiclient_cert.pem); required for API v2 code pay (TLS client certificate of reverse).</summary>
    public string? MerchantCertificatePem { get; set; }

    /// <summary>Gets or sets the APIv3 key (exactly 32 bytes) that decrypts callbacks; a secret.</summary>
    public string ApiV3Key { get; set; } = string.Empty;

    /// <summary>Gets or sets the WeChat Pay public key id (<c>PUB_KEY_ID_…</c>), with <see cref="WeChatPayPublicKeyPem"/>.</summary>
    public string? WeChatPayPublicKeyId { get; set; }

    /// <summary>Gets or sets the WeChat Pay public key in PEM, with <see cref="WeChatPayPublicKeyId"/>.</summary>
    public string? WeChatPayPublicKeyPem { get; set; }

    /// <summary>Gets the WeChat Pay platform certificates in PEM (the older scheme; keep them during the migration).</summary>
    public IList<string> PlatformCertificatePems { get; } = [];

    /// <summary>
    /// Gets or sets whether platform certificates are downloaded from <c>GET /v3/certificates</c> (decrypted with
    /// the APIv3 key) instead of only being given in <see cref="PlatformCertificatePems"/>. They are refreshed once
    /// older than <see cref="PlatformCertificateRefreshInterval"/> and once when an answer names an unknown
    /// serial (WeChat Pay rotated), at most once per <see cref="UnknownSerialRefreshCooldown"/>.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: merchants on the WeChat Pay public key need no download.</value>
    public bool DownloadPlatformCertificates { get; set; }

    /// <summary>Gets or sets how old the downloaded platform certificates may get before the next call downloads them again.</summary>
    /// <value>The default value is 12 hours; at most 24 hours.</value>
    public TimeSpan PlatformCertificateRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Gets or sets the least time between two downloads caused by unknown serials or failed downloads, so a forged serial cannot make the channel hammer WeChat Pay.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan UnknownSerialRefreshCooldown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets whether every request carries <c>Wechatpay-Serial: PUB_KEY_ID_…</c>, so responses are signed with the public key.</summary>
    /// <value>The default value is <see langword="true"/>; it only applies when a public key is configured.</value>
    public bool SendPublicKeyIdHeader { get; set; } = true;

    /// <summary>Gets or sets the absolute URL WeChat Pay posts payment and refund callbacks to (no query string).</summary>
    public Uri? NotifyUrl { get; set; }

    /// <summary>Gets or sets the API base address.</summary>
    /// <value>The default value is <c>https://api.mch.weixin.qq.com/</c>.</value>
    public Uri BaseAddress { get; set; } = new("https://api.mch.weixin.qq.com/");

    /// <summary>
    /// Gets or sets the backup base address (another city, 跨城冗灾) a request goes to when the primary address
    /// provably never received it: the name did not resolve, the connection was refused or did not open within
    /// <see cref="ConnectTimeout"/>. A request that may have been sent (a timeout or reset afterwards) is never re-sent.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: <c>https://api2.mch.weixin.qq.com/</c> when <see cref="BaseAddress"/>
    /// is WeChat Pay's own <c>api.mch.weixin.qq.com</c>, otherwise no backup.
    /// </value>
    public Uri? BackupBaseAddress { get; set; }

    /// <summary>Gets or sets how long establishing a connection may take (handlers the channel creates).</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long one request, connection included, may take before its outcome is unknown.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets an HTTP client to send requests with; its connect timeout is then the caller's.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Gets or sets an HTTP message handler to send requests with (not with <see cref="HttpClient"/>).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Gets or sets which API takes code-pay charges.</summary>
    /// <value>The default value is <see cref="WeChatPayCodePayApi.V3"/>.</value>
    public WeChatPayCodePayApi CodePayApi { get; set; } = WeChatPayCodePayApi.V3;

    /// <summary>Gets or sets the API v2 key (32 characters) for v2 code pay; a secret.</summary>
    public string? ApiV2Key { get; set; }

    /// <summary>Gets or sets how API v2 requests are signed.</summary>
    /// <value>The default value is <see cref="WeChatPaySignType.HmacSha256"/>.</value>
    public WeChatPaySignType ApiV2SignType { get; set; } = WeChatPaySignType.HmacSha256;

    /// <summary>Gets or sets the order description shown to the customer (the order id is appended).</summary>
    /// <value>The default value is <c>餐饮消费</c>.</value>
    public string Description { get; set; } = "餐饮消费";

    /// <summary>Gets or sets the IP address of the cashier terminal, sent with code-pay charges.</summary>
    /// <value>The default value is <c>127.0.0.1</c>.</value>
    public string TerminalIp { get; set; } = "127.0.0.1";
}
