using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ordering.Sdk.Testing;

// The keys of one sandbox: the merchant's API key pair and certificate (the sandbox hands them to the
// test), WeChat Pay's public key (PUB_KEY_ID_…) and, optionally, a platform certificate.
internal sealed class WeChatPaySandboxKeys : IDisposable
{
    // The RSA keys come from the seed (SeededRsaKeys); the other values from random, itself seeded.
    public WeChatPaySandboxKeys(int seed, Random random, DateTimeOffset now, bool platformCertificate)
    {
        MerchantKey = SeededRsaKeys.Create(seed, "wechatpay-merchant");
        MerchantCertificateSerial = HexSerial(random);
        MerchantCertificatePem = SelfSignedPem(MerchantKey, "CN=Merchant API certificate", MerchantCertificateSerial, now);
        PublicKey = SeededRsaKeys.Create(seed, "wechatpay-public-key");
        PublicKeyId = "PUB_KEY_ID_" + random.NextInt64(1_000_000_000_000_000L, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        if (platformCertificate)
        {
            PlatformKey = SeededRsaKeys.Create(seed, PlatformKeyPurpose(0));
            PlatformCertificateSerial = HexSerial(random);
            PlatformCertificatePem = SelfSignedPem(PlatformKey, PlatformSubject, PlatformCertificateSerial, now);
        }

        ApiV3Key = Alphanumeric(random, 32);
        ApiV2Key = Alphanumeric(random, 32);
    }

    public const string PlatformSubject = "CN=Tenpay.com Root CA sandbox";

    public RSA MerchantKey { get; }

    public string MerchantCertificateSerial { get; }

    public string MerchantCertificatePem { get; }

    public RSA PublicKey { get; }

    public string PublicKeyId { get; }

    public RSA? PlatformKey { get; }

    public string? PlatformCertificateSerial { get; }

    public string? PlatformCertificatePem { get; }

    public string ApiV3Key { get; }

    public string ApiV2Key { get; }

    public void Dispose()
    {
        MerchantKey.Dispose();
        PublicKey.Dispose();
        PlatformKey?.Dispose();
    }

    public static string PlatformKeyPurpose(int generation) => "wechatpay-platform-" + generation.ToString(CultureInfo.InvariantCulture);

    public static string SelfSignedPem(RSA key, string subject, string serialHex, DateTimeOffset now)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var generator = X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1);
        using var certificate = request.Create(request.SubjectName, generator, now.AddDays(-1), now.AddYears(5), Convert.FromHexString(serialHex));
        return certificate.ExportCertificatePem();
    }

    public static string HexSerial(Random random)
    {
        var bytes = new byte[20];
        random.NextBytes(bytes);
        bytes[0] = (byte)((bytes[0] & 0x3F) | 0x10); // positive, no leading zero byte
        return Convert.ToHexString(bytes);
    }

    private static string Alphanumeric(Random random, int length)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
