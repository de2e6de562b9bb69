using System.Security.Cryptography;

namespace Ordering.Sdk.Payments.Alipay;

/// <summary>
/// Settings of the Alipay channel (OpenAPI gateway, RSA2 key mode). Validated eagerly by
/// <see cref="Validate"/>, which the DI registration calls, so a wrong key is found at start-up.
/// </summary>
public sealed class AlipayOptions
{
    /// <summary>The production gateway.</summary>
    public static readonly Uri ProductionGateway = new("https://openapi.alipay.com/gateway.do");

    /// <summary>Gets or sets the application id (16 digits, e.g. <c>2019073166072302</c>).</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>Gets or sets the application's RSA private key (PKCS#8 or PKCS#1 PEM, at least 2048 bits) used to sign requests.</summary>
    public string AppPrivateKeyPem { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the <b>Alipay</b> public key (PEM) that verifies responses and notifications. Not the
    /// application's own public key: confusing the two is the most common Alipay integration mistake.
    /// </summary>
    public string AlipayPublicKeyPem { get; set; } = string.Empty;

    /// <summary>Gets or sets the seller (merchant) id: a 16-digit partner id starting with 2088.</summary>
    public string SellerId { get; set; } = string.Empty;

    /// <summary>Gets or sets the gateway URL; absolute. Defaults to <see cref="ProductionGateway"/>.</summary>
    public Uri GatewayUrl { get; set; } = ProductionGateway;

    /// <summary>Gets or sets the absolute URL Alipay posts asynchronous notifications to.</summary>
    public Uri? NotifyUrl { get; set; }

    /// <summary>Gets or sets how long establishing a connection may take. Ignored when <see cref="HttpClient"/> is given.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets how long one whole request may take, connection included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the barcode trade timeout sent as <c>timeout_express</c> (whole minutes, 1 to 120).</summary>
    public TimeSpan TradeTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Gets or sets the subject sent with every trade (shown to the customer).</summary>
    public string Subject { get; set; } = "Order";

    /// <summary>Gets or sets an HTTP client to use (its own timeout and handler apply); <see langword="null"/> for one owned by the channel.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Gets or sets the innermost handler for the client the channel creates; ignored when <see cref="HttpClient"/> is given.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Checks every setting and throws one exception listing every problem.</summary>
    /// <exception cref="OptionsValidationException">A setting is missing, malformed or the keys do not fit together.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (!IsDigits(AppId, 16))
        {
            errors.Add($"{nameof(AppId)}: must be the 16-digit Alipay application id.");
        }

        if (!IsDigits(SellerId, 16) || !SellerId.StartsWith("2088", StringComparison.Ordinal))
        {
            errors.Add($"{nameof(SellerId)}: must be the 16-digit partner id starting with 2088.");
        }

        byte[]? appPublic = null;
        using (var appKey = RSA.Create())
        {
            if (!TryImport(appKey, AppPrivateKeyPem, out var problem))
            {
                errors.Add($"{nameof(AppPrivateKeyPem)}: {problem}");
            }
            else if (appKey.KeySize < 2048)
            {
                errors.Add($"{nameof(AppPrivateKeyPem)}: RSA2 needs a key of at least 2048 bits, this one has {appKey.KeySize}.");
            }
            else if (!HasPrivatePart(appKey))
            {
                errors.Add($"{nameof(AppPrivateKeyPem)}: is a public key; the application's private key is required to sign requests.");
            }
            else
            {
                appPublic = appKey.ExportSubjectPublicKeyInfo();
            }
        }

        using (var alipayKey = RSA.Create())
        {
            if (!TryImport(alipayKey, AlipayPublicKeyPem, out var problem))
            {
                errors.Add($"{nameof(AlipayPublicKeyPem)}: {problem}");
            }
            else if (alipayKey.KeySize < 2048)
            {
                errors.Add($"{nameof(AlipayPublicKeyPem)}: must be at least 2048 bits, this one has {alipayKey.KeySize}.");
            }
            else if (appPublic is not null && alipayKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(appPublic))
            {
                errors.Add($"{nameof(AlipayPublicKeyPem)}: is the application's own public key; use the Alipay public key (支付宝公钥) from the open platform console.");
            }
        }

        CheckAbsolute(errors, GatewayUrl, nameof(GatewayUrl));
        CheckAbsolute(errors, NotifyUrl, nameof(NotifyUrl));
        if (NotifyUrl is { IsAbsoluteUri: true } notify && !string.IsNullOrEmpty(notify.Query))
        {
            errors.Add($"{nameof(NotifyUrl)}: must not carry a query string.");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(ConnectTimeout)}: must be positive, was {ConnectTimeout}.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(RequestTimeout)}: must be positive, was {RequestTimeout}.");
        }
        else if (ConnectTimeout > RequestTimeout)
        {
            errors.Add($"{nameof(ConnectTimeout)}: must not exceed {nameof(RequestTimeout)} ({RequestTimeout}).");
        }

        if (TradeTimeout < TimeSpan.FromMinutes(1) || TradeTimeout > TimeSpan.FromMinutes(120) || TradeTimeout.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            errors.Add($"{nameof(TradeTimeout)}: must be whole minutes between 1 and 120, was {TradeTimeout}.");
        }

        if (string.IsNullOrWhiteSpace(Subject) || Subject.Length > 256)
        {
            errors.Add($"{nameof(Subject)}: must be 1 to 256 characters.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(AlipayOptions), errors);
        }
    }

    private static bool IsDigits(string? value, int length)
    {
        if (value is null || value.Length != length)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckAbsolute(List<string> errors, Uri? url, string name)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{name}: must be an absolute http(s) URL.");
        }
    }

    // Never echoes key material: only says what is wrong with it.
    private static bool TryImport(RSA rsa, string? pem, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(pem))
        {
            problem = "is required.";
            return false;
        }

        try
        {
            AlipayKeys.Import(rsa, pem);
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException)
        {
            problem = "is not a readable RSA key (expected PEM or bare Base64 of a PKCS#8/PKCS#1/SubjectPublicKeyInfo key).";
            return false;
        }
    }

    private static bool HasPrivatePart(RSA rsa)
    {
        try
        {
            _ = rsa.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
