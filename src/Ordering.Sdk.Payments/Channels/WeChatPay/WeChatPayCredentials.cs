using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace Ordering.Sdk.Payments;

// The options turned into usable keys, after every field was checked. Built once at start-up.
internal sealed partial class WeChatPayCredentials : IDisposable
{
    public static readonly TimeSpan ExpiryWarningWindow = TimeSpan.FromDays(30);

    private WeChatPayCredentials(RSA merchantKey, byte[] apiV3Key, WeChatPayVerifier verifier, X509Certificate2? merchantCertificate, IReadOnlyList<string> warnings)
    {
        MerchantKey = merchantKey;
        ApiV3Key = apiV3Key;
        Verifier = verifier;
        MerchantCertificate = merchantCertificate;
        Warnings = warnings;
    }

    public RSA MerchantKey { get; }

    public byte[] ApiV3Key { get; }

    public WeChatPayVerifier Verifier { get; }

    // Certificate with its private key: the TLS client certificate of the v2 reverse.
    public X509Certificate2? MerchantCertificate { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <exception cref="OptionsValidationException">One or more fields are invalid; each is named.</exception>
    public static WeChatPayCredentials Load(WeChatPayOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var warnings = new List<string>();
        if (!MerchantIdPattern().IsMatch(options.MerchantId ?? string.Empty))
        {
            errors.Add("MerchantId: must be 8 to 12 digits (the mchid of the merchant platform).");
        }

        if (!AppIdPattern().IsMatch(options.AppId ?? string.Empty))
        {
            errors.Add("AppId: must be 'wx' followed by 16 letters or digits.");
        }

        var serialOk = SerialPattern().IsMatch(options.MerchantCertificateSerial ?? string.Empty);
        if (!serialOk)
        {
            errors.Add("MerchantCertificateSerial: must be the hexadecimal serial number of the merchant API certificate.");
        }

        var merchantKey = LoadPrivateKey(options.MerchantPrivateKeyPem, errors);
        X509Certificate2? merchantCertificate = null;
        if (!string.IsNullOrWhiteSpace(options.MerchantCertificatePem))
        {
            merchantCertificate = LoadMerchantCertificate(options, merchantKey, serialOk, now, errors, warnings);
        }

        var apiV3Key = Encoding.UTF8.GetBytes(options.ApiV3Key ?? string.Empty);
        if (apiV3Key.Length != 32)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"ApiV3Key: must be exactly 32 bytes (AES-256-GCM), was {apiV3Key.Length}."));
        }

        var verifier = new WeChatPayVerifier();
        LoadPublicKey(options, verifier, errors);
        for (var i = 0; i < options.PlatformCertificatePems.Count; i++)
        {
            LoadPlatformCertificate(options.PlatformCertificatePems[i], i, verifier, now, errors, warnings);
        }

        if (verifier.Count == 0 && !options.DownloadPlatformCertificates)
        {
            errors.Add("WeChatPayPublicKeyId/WeChatPayPublicKeyPem, PlatformCertificatePems or DownloadPlatformCertificates: at least one source of WeChat Pay verification keys is required.");
        }

        CheckTransport(options, errors);
        CheckApiV2(options, merchantCertificate, errors);
        if (errors.Count > 0)
        {
            merchantKey?.Dispose();
            merchantCertificate?.Dispose();
            verifier.Dispose();
            throw new OptionsValidationException(nameof(WeChatPayOptions), errors);
        }

        return new WeChatPayCredentials(merchantKey!, apiV3Key, verifier, merchantCertificate, warnings);
    }

    public void Dispose()
    {
        MerchantKey.Dispose();
        MerchantCertificate?.Dispose();
        Verifier.Dispose();
    }

    private static RSA? LoadPrivateKey(string? pem, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            errors.Add("MerchantPrivateKeyPem: is required (apiclient_key.pem).");
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < 2048)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"MerchantPrivateKeyPem: the RSA key must have at least 2048 bits, has {rsa.KeySize}."));
            }

            // A public-only PEM imports too; signing needs the private part.
            rsa.ExportParameters(includePrivateParameters: true);
            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            errors.Add("MerchantPrivateKeyPem: is not an RSA private key in PEM.");
            return null;
        }
    }

    private static X509Certificate2? LoadMerchantCertificate(WeChatPayOptions options, RSA? merchantKey, bool serialOk, DateTimeOffset now, List<string> errors, List<string> warnings)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(options.MerchantCertificatePem);
        }
        catch (CryptographicException)
        {
            errors.Add("MerchantCertificatePem: is not an X.509 certificate in PEM.");
            return null;
        }

        using (certificate)
        {
            if (serialOk && !string.Equals(certificate.SerialNumber, options.MerchantCertificateSerial, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("MerchantCertificateSerial: does not match the serial number of MerchantCertificatePem.");
            }

            CheckValidity("MerchantCertificatePem", certificate, now, errors, warnings);
            using var certificateKey = certificate.GetRSAPublicKey();
            if (certificateKey is null)
            {
                errors.Add("MerchantCertificatePem: does not hold an RSA public key.");
                return null;
            }

            if (merchantKey is null)
            {
                return null;
            }

            if (!SamePublicKey(certificateKey, merchantKey))
            {
                errors.Add("MerchantPrivateKeyPem: does not belong to MerchantCertificatePem (the key pair does not match).");
                return null;
            }

            // The TLS client certificate needs the private key attached.
            using var attached = certificate.CopyWithPrivateKey(merchantKey);
            return X509CertificateLoader.LoadPkcs12(attached.Export(X509ContentType.Pkcs12), null);
        }
    }

    private static void LoadPublicKey(WeChatPayOptions options, WeChatPayVerifier verifier, List<string> errors)
    {
        var hasId = !string.IsNullOrWhiteSpace(options.WeChatPayPublicKeyId);
        var hasPem = !string.IsNullOrWhiteSpace(options.WeChatPayPublicKeyPem);
        if (!hasId && !hasPem)
        {
            return;
        }

        if (hasId != hasPem)
        {
            errors.Add("WeChatPayPublicKeyId/WeChatPayPublicKeyPem: give both the key id and the key, or neither.");
            return;
        }

        if (!PublicKeyIdPattern().IsMatch(options.WeChatPayPublicKeyId!))
        {
            errors.Add("WeChatPayPublicKeyId: must look like PUB_KEY_ID_ followed by letters or digits.");
            return;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(options.WeChatPayPublicKeyPem);
            verifier.Add(options.WeChatPayPublicKeyId!, rsa);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            errors.Add("WeChatPayPublicKeyPem: is not an RSA public key in PEM.");
        }
    }

    private static void LoadPlatformCertificate(string pem, int index, WeChatPayVerifier verifier, DateTimeOffset now, List<string> errors, List<string> warnings)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"PlatformCertificatePems[{index}]");
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            if (!CheckValidity(field, certificate, now, errors, warnings))
            {
                return;
            }

            var key = certificate.GetRSAPublicKey();
            if (key is null)
            {
                errors.Add(field + ": does not hold an RSA public key.");
                return;
            }

            verifier.Add(certificate.SerialNumber, key, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
        }
        catch (CryptographicException)
        {
            errors.Add(field + ": is not an X.509 certificate in PEM.");
        }
    }

    private static bool CheckValidity(string field, X509Certificate2 certificate, DateTimeOffset now, List<string> errors, List<string> warnings)
    {
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        if (now > notAfter)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: certificate {certificate.SerialNumber} expired on {notAfter:yyyy-MM-dd}."));
            return false;
        }

        if (now < notBefore)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: certificate {certificate.SerialNumber} is not valid before {notBefore:yyyy-MM-dd}."));
            return false;
        }

        if (notAfter - now <= ExpiryWarningWindow)
        {
            var days = (int)Math.Floor((notAfter - now).TotalDays);
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: certificate {certificate.SerialNumber} expires on {notAfter:yyyy-MM-dd}, in {days} days; replace it."));
            WeChatPayEventSource.Log.CertificateExpiresSoon(field, certificate.SerialNumber, days);
        }

        return true;
    }

    private static bool SamePublicKey(RSA a, RSA b)
    {
        var pa = a.ExportParameters(false);
        var pb = b.ExportParameters(false);
        return pa.Modulus.AsSpan().SequenceEqual(pb.Modulus) && pa.Exponent.AsSpan().SequenceEqual(pb.Exponent);
    }

    private static void CheckTransport(WeChatPayOptions options, List<string> errors)
    {
        if (options.NotifyUrl is not { IsAbsoluteUri: true } notify || (notify.Scheme != Uri.UriSchemeHttps && notify.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("NotifyUrl: must be an absolute http(s) URL that WeChat Pay can reach.");
        }
        else if (notify.Query.Length > 0)
        {
            errors.Add("NotifyUrl: must not carry a query string (WeChat Pay rejects it).");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } baseAddress || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("BaseAddress: must be an absolute http(s) URL.");
        }

        if (options.BackupBaseAddress is { } backup && (!backup.IsAbsoluteUri || (backup.Scheme != Uri.UriSchemeHttps && backup.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add("BackupBaseAddress: must be an absolute http(s) URL, or null for the default.");
        }

        if (options.PlatformCertificateRefreshInterval <= TimeSpan.Zero || options.PlatformCertificateRefreshInterval > TimeSpan.FromHours(24))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"PlatformCertificateRefreshInterval: must be more than zero and at most 24 hours, was {options.PlatformCertificateRefreshInterval}."));
        }

        if (options.UnknownSerialRefreshCooldown < TimeSpan.FromSeconds(1) || options.UnknownSerialRefreshCooldown > options.PlatformCertificateRefreshInterval)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"UnknownSerialRefreshCooldown: must be at least 1 second and at most PlatformCertificateRefreshInterval, was {options.UnknownSerialRefreshCooldown}."));
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"ConnectTimeout: must be positive, was {options.ConnectTimeout}."));
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"RequestTimeout: must be positive, was {options.RequestTimeout}."));
        }

        if (options.HttpClient is not null && options.HttpMessageHandler is not null)
        {
            errors.Add("HttpClient/HttpMessageHandler: set one of them, not both.");
        }

        if (string.IsNullOrWhiteSpace(options.Description) || options.Description.Length > 100)
        {
            errors.Add("Description: is required and at most 100 characters.");
        }

        if (!System.Net.IPAddress.TryParse(options.TerminalIp, out _))
        {
            errors.Add("TerminalIp: must be an IP address.");
        }
    }

    private static void CheckApiV2(WeChatPayOptions options, X509Certificate2? merchantCertificate, List<string> errors)
    {
        var hasKey = !string.IsNullOrEmpty(options.ApiV2Key);
        if (hasKey && !ApiV2KeyPattern().IsMatch(options.ApiV2Key!))
        {
            errors.Add("ApiV2Key: must be 32 letters or digits.");
        }

        if (options.CodePayApi != WeChatPayCodePayApi.V2)
        {
            return;
        }

        if (!hasKey)
        {
            errors.Add("ApiV2Key: is required when CodePayApi is V2.");
        }

        if (merchantCertificate is null && string.IsNullOrWhiteSpace(options.MerchantCertificatePem))
        {
            errors.Add("MerchantCertificatePem: is required when CodePayApi is V2 (reverse needs the TLS client certificate).");
        }
    }

    [GeneratedRegex("^[0-9]{8,12}$")]
    private static partial Regex MerchantIdPattern();

    [GeneratedRegex("^wx[0-9A-Za-z]{16}$")]
    private static partial Regex AppIdPattern();

    [GeneratedRegex("^[0-9A-Fa-f]{8,64}$")]
    private static partial Regex SerialPattern();

    [GeneratedRegex("^PUB_KEY_ID_[0-9A-Za-z]{1,64}$")]
    private static partial Regex PublicKeyIdPattern();

    [GeneratedRegex("^[0-9A-Za-z]{32}$")]
    private static partial Regex ApiV2KeyPattern();
}
