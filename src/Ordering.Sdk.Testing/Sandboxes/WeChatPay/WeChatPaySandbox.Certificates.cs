using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Ordering.Sdk.Testing;

// GET /v3/certificates: every platform certificate, each AEAD_AES_256_GCM-encrypted with the merchant's
// APIv3 key (associated_data "certificate"), signed like any answer. Rotation adds a certificate that
// signs from then on while the old one stays listed (the overlap WeChat Pay gives merchants).
public sealed partial class WeChatPaySandbox
{
    private const string CertificateAssociatedData = "certificate";
    private readonly List<WeChatPaySandboxPlatformCertificate> _platform = [];
    private int _certificateDownloads;

    /// <summary>Gets how many times <c>GET /v3/certificates</c> was called.</summary>
    public int CertificateDownloads => Volatile.Read(ref _certificateDownloads);

    /// <summary>Gets the serials of every platform certificate, oldest first; the last one signs.</summary>
    public IReadOnlyList<string> PlatformCertificateSerials
    {
        get
        {
            lock (_gate)
            {
                return [.. _platform.Select(c => c.Serial)];
            }
        }
    }

    /// <summary>
    /// Issues a new platform certificate (its RSA key derived from the seed and the rotation count) that
    /// signs answers and callbacks from now on; the previous one stays in <c>/v3/certificates</c>.
    /// </summary>
    /// <returns>The new certificate's serial.</returns>
    public string RotatePlatformCertificate()
    {
        int generation;
        lock (_gate)
        {
            generation = _platform.Count;
        }

        var key = SeededRsaKeys.Create(_options.Seed, WeChatPaySandboxKeys.PlatformKeyPurpose(generation));
        string serial;
        lock (_gate)
        {
            serial = WeChatPaySandboxKeys.HexSerial(_random);
        }

        var now = _time.GetUtcNow();
        var pem = WeChatPaySandboxKeys.SelfSignedPem(key, WeChatPaySandboxKeys.PlatformSubject, serial, now);
        lock (_gate)
        {
            _platform.Add(new WeChatPaySandboxPlatformCertificate(serial, key, pem, now.AddDays(-1), now.AddYears(5), Owned: true));
        }

        return serial;
    }

    private WeChatPaySandboxPlatformCertificate? ActivePlatform
    {
        get
        {
            lock (_gate)
            {
                return _platform.Count > 0 ? _platform[^1] : null;
            }
        }
    }

    private void AddInitialPlatformCertificate()
    {
        if (_keys.PlatformKey is null)
        {
            return;
        }

        using var certificate = X509Certificate2.CreateFromPem(_keys.PlatformCertificatePem);
        _platform.Add(new WeChatPaySandboxPlatformCertificate(
            _keys.PlatformCertificateSerial!,
            _keys.PlatformKey,
            _keys.PlatformCertificatePem!,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            Owned: false));
    }

    private void DisposePlatformCertificates()
    {
        lock (_gate)
        {
            foreach (var certificate in _platform.Where(c => c.Owned))
            {
                certificate.Key.Dispose();
            }
        }
    }

    private (int Status, byte[] Body) Certificates()
    {
        Interlocked.Increment(ref _certificateDownloads);
        List<WeChatPaySandboxPlatformCertificate> listed;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            listed = [.. _platform.Where(c => c.ExpireTime > now)];
        }

        if (listed.Count == 0)
        {
            return (404, Error("RESOURCE_NOT_EXISTS", "无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥"));
        }

        var key = Encoding.UTF8.GetBytes(_keys.ApiV3Key);
        return (200, Json(w =>
        {
            w.WriteStartArray("data");
            foreach (var certificate in listed)
            {
                var nonce = Nonce()[..12];
                var plaintext = Encoding.UTF8.GetBytes(certificate.Pem);
                var sealedBytes = new byte[plaintext.Length + 16];
                using (var gcm = new AesGcm(key, 16))
                {
                    gcm.Encrypt(Encoding.UTF8.GetBytes(nonce), plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), Encoding.UTF8.GetBytes(CertificateAssociatedData));
                }

                w.WriteStartObject();
                w.WriteString("serial_no", certificate.Serial);
                w.WriteString("effective_time", Rfc3339(certificate.EffectiveTime));
                w.WriteString("expire_time", Rfc3339(certificate.ExpireTime));
                w.WriteStartObject("encrypt_certificate");
                w.WriteString("algorithm", "AEAD_AES_256_GCM");
                w.WriteString("nonce", nonce);
                w.WriteString("associated_data", CertificateAssociatedData);
                w.WriteString("ciphertext", Convert.ToBase64String(sealedBytes));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }));
    }
}
