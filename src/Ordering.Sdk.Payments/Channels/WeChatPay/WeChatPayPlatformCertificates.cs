using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Ordering.Sdk.Payments;

// Platform certificates downloaded from GET /v3/certificates: each one AEAD_AES_256_GCM-encrypted with
// the APIv3 key (associated_data "certificate"), kept by serial with its effective and expiry times.
// Refreshed on demand once the last download is older than the refresh interval, and once when an answer
// names a serial we do not know (WeChat Pay rotated): at most once per cooldown, so a forged serial cannot
// make us hammer the API. Old certificates stay during the overlap; an unknown serial is still rejected.
internal sealed class WeChatPayPlatformCertificates : IDisposable
{
    public const string DownloadPath = "/v3/certificates?algorithm_type=RSA";
    private const string PublicKeyIdPrefix = "PUB_KEY_ID_";
    private readonly WeChatPayOptions _options;
    private readonly WeChatPayCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task<WeChatPayResponse>> _download;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _lastAttempt;
    private DateTimeOffset? _lastUnknownSerialRefresh;
    private int _downloads;

    public WeChatPayPlatformCertificates(WeChatPayOptions options, WeChatPayCredentials credentials, TimeProvider time, Func<CancellationToken, Task<WeChatPayResponse>> download)
    {
        _options = options;
        _credentials = credentials;
        _time = time;
        _download = download;
    }

    // How many downloads were attempted (tests and diagnostics).
    public int Downloads => Volatile.Read(ref _downloads);

    public string? LastFailure { get; private set; }

    public static bool IsPublicKeyId(string serial) => serial.StartsWith(PublicKeyIdPrefix, StringComparison.Ordinal);

    // Downloads when the last success is older than the refresh interval; a failure is retried after the
    // cooldown, not on every request. Never throws for a failed download: the verifier decides.
    public async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        if (!IsDue(_time.GetUtcNow()))
        {
            return;
        }

        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsDue(_time.GetUtcNow()))
            {
                await DownloadAndRecordAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    // Re-downloads once for a serial we do not know, unless another unknown serial did so within the cooldown.
    public async Task<bool> TryRefreshForUnknownSerialAsync(string serial, CancellationToken cancellationToken)
    {
        if (_credentials.Verifier.Knows(serial))
        {
            return true;
        }

        if (IsPublicKeyId(serial) || InCooldown(_time.GetUtcNow()))
        {
            return false;
        }

        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            if (_credentials.Verifier.Knows(serial))
            {
                return true;
            }

            if (InCooldown(now))
            {
                return false;
            }

            lock (_gate)
            {
                _lastUnknownSerialRefresh = now;
            }

            await DownloadAndRecordAsync(cancellationToken).ConfigureAwait(false);
            return _credentials.Verifier.Knows(serial);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    // The same, for callers that cannot wait (the synchronous callback parser): WeChat Pay re-sends the
    // callback later, by when the certificate is known.
    public void RefreshInBackgroundForUnknownSerial(string serial)
    {
        if (_credentials.Verifier.Knows(serial) || IsPublicKeyId(serial) || InCooldown(_time.GetUtcNow()))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await TryRefreshForUnknownSerialAsync(serial, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The channel was disposed meanwhile.
            }
        });
    }

    /// <exception cref="WeChatPayTransportException">The download failed, was not authentic or could not be read.</exception>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DownloadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    private bool IsDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_lastSuccess is { } success && now - success < _options.PlatformCertificateRefreshInterval)
            {
                return false;
            }

            // After a failure, wait the cooldown before trying again.
            return _lastAttempt is not { } attempt || now - attempt >= _options.UnknownSerialRefreshCooldown;
        }
    }

    private bool InCooldown(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _lastUnknownSerialRefresh is { } last && now - last < _options.UnknownSerialRefreshCooldown;
        }
    }

    private async Task DownloadAndRecordAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DownloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WeChatPayTransportException ex)
        {
            LastFailure = ex.Message;
            WeChatPayEventSource.Log.PlatformCertificatesDownloadFailed(ex.Message);
            if (ex.Code == "RESOURCE_NOT_EXISTS")
            {
                // A public-key merchant has no certificate to download: asking again each minute cannot help.
                lock (_gate)
                {
                    _lastSuccess = _time.GetUtcNow();
                }
            }
        }
    }

    private async Task<int> DownloadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _lastAttempt = _time.GetUtcNow();
        }

        Interlocked.Increment(ref _downloads);
        var response = await _download(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != 200)
        {
            var (code, message) = WeChatPayJson.Error(response.Body, response.StatusCode);
            var hint = code == "RESOURCE_NOT_EXISTS" ? " The merchant has no platform certificate: use the WeChat Pay public key (PUB_KEY_ID_…) and turn DownloadPlatformCertificates off." : string.Empty;
            throw new WeChatPayTransportException(code, "GET /v3/certificates answered HTTP " + response.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + code + " " + message + "." + hint);
        }

        var downloaded = Decrypt(response.Body);
        try
        {
            VerifyDownload(response, downloaded);
            var count = downloaded.Count;
            var added = 0;
            foreach (var certificate in downloaded)
            {
                if (_credentials.Verifier.Knows(certificate.Serial))
                {
                    certificate.Key.Dispose();
                }
                else if (_credentials.Verifier.Add(certificate.Serial, certificate.Key, certificate.ExpireTime))
                {
                    added++;
                }
            }

            downloaded.Clear();
            lock (_gate)
            {
                _lastSuccess = _time.GetUtcNow();
                LastFailure = null;
            }

            WeChatPayEventSource.Log.PlatformCertificatesDownloaded(count, added);
            return added;
        }
        finally
        {
            foreach (var certificate in downloaded)
            {
                certificate.Key.Dispose();
            }
        }
    }

    // The answer is signed like every other: with a key we already trust when the serial names one,
    // otherwise with a certificate it carries, which the GCM tag under our APIv3 key has authenticated.
    private void VerifyDownload(WeChatPayResponse response, List<DownloadedCertificate> downloaded)
    {
        var serial = response.Header("Wechatpay-Serial");
        var timestamp = response.Header("Wechatpay-Timestamp");
        var nonce = response.Header("Wechatpay-Nonce");
        var signature = response.Header("Wechatpay-Signature");
        var now = _time.GetUtcNow();
        string? failure;
        if (string.IsNullOrEmpty(serial) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature))
        {
            failure = "a Wechatpay-Serial, -Timestamp, -Nonce or -Signature header is missing";
        }
        else if (_credentials.Verifier.Knows(serial))
        {
            failure = _credentials.Verifier.Verify(serial, timestamp, nonce, signature, response.Header("Wechatpay-Signature-Type"), response.Body, now);
        }
        else if (downloaded.Find(c => string.Equals(c.Serial, serial, StringComparison.OrdinalIgnoreCase)) is { } carried)
        {
            failure = carried.EffectiveTime > now || carried.ExpireTime < now
                ? "the signing certificate '" + serial + "' is not valid now"
                : WeChatPayVerifier.VerifyWith(carried.Key, timestamp, nonce, signature, response.Body, now);
        }
        else
        {
            failure = "signed with '" + serial + "', which is neither trusted nor in the download";
        }

        if (failure is not null)
        {
            throw new WeChatPayTransportException(WeChatPayErrors.BadResponseSignature, "The /v3/certificates answer was rejected: " + failure + ".");
        }
    }

    private List<DownloadedCertificate> Decrypt(byte[] body)
    {
        using var document = WeChatPayJson.TryParse(body) ?? throw Malformed("the body is not JSON");
        if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("data is missing");
        }

        var result = new List<DownloadedCertificate>();
        try
        {
            foreach (var item in data.EnumerateArray())
            {
                result.Add(DecryptOne(item));
            }
        }
        catch
        {
            foreach (var certificate in result)
            {
                certificate.Key.Dispose();
            }

            throw;
        }

        return result;
    }

    private DownloadedCertificate DecryptOne(JsonElement item)
    {
        var serial = WeChatPayJson.String(item, "serial_no") ?? throw Malformed("serial_no is missing");
        var encrypted = WeChatPayJson.Object(item, "encrypt_certificate");
        if (WeChatPayJson.String(encrypted, "algorithm") != "AEAD_AES_256_GCM")
        {
            throw Malformed("encrypt_certificate.algorithm of " + serial + " is not AEAD_AES_256_GCM");
        }

        byte[] pem;
        try
        {
            pem = WeChatPayAead.Decrypt(
                _credentials.ApiV3Key,
                WeChatPayJson.String(encrypted, "nonce") ?? string.Empty,
                WeChatPayJson.String(encrypted, "associated_data") ?? string.Empty,
                WeChatPayJson.String(encrypted, "ciphertext") ?? string.Empty);
        }
        catch (CryptographicException ex)
        {
            throw new WeChatPayTransportException(WeChatPayErrors.BadResponseSignature, "Certificate " + serial + " could not be decrypted with the APIv3 key (tag mismatch or malformed).", ex);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(pem));
        }
        catch (CryptographicException ex)
        {
            throw new WeChatPayTransportException(WeChatPayErrors.MalformedResponse, "Certificate " + serial + " is not an X.509 certificate in PEM.", ex);
        }

        using (certificate)
        {
            if (!string.Equals(certificate.SerialNumber, serial, StringComparison.OrdinalIgnoreCase))
            {
                throw Malformed("serial_no " + serial + " does not match its certificate (" + certificate.SerialNumber + ")");
            }

            var effective = Time(item, "effective_time") ?? new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
            var expire = Time(item, "expire_time") ?? new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
            var key = certificate.GetRSAPublicKey() ?? throw Malformed("certificate " + serial + " does not hold an RSA key");
            return new DownloadedCertificate(certificate.SerialNumber, key, effective, expire);
        }
    }

    private static DateTimeOffset? Time(JsonElement item, string name) =>
        DateTimeOffset.TryParse(WeChatPayJson.String(item, name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static WeChatPayTransportException Malformed(string why) =>
        new(WeChatPayErrors.MalformedResponse, "The /v3/certificates answer is malformed: " + why + ".");

    private sealed record DownloadedCertificate(string Serial, RSA Key, DateTimeOffset EffectiveTime, DateTimeOffset ExpireTime);
}
