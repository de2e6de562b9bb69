using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Testing.Alipay;

// The sandbox's own implementation of Alipay's RSA2 rules, independent of the adapter's, so a shared
// mistake cannot make both sides agree on something Alipay would reject.
internal static class SandboxCrypto
{
    public static string Content(IEnumerable<KeyValuePair<string, string>> fields, bool includeSignType)
    {
        var kept = fields
            .Where(f => f.Key.Length > 0 && f.Value.Length > 0 && f.Key != "sign" && (includeSignType || f.Key != "sign_type"))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + f.Value);
        return string.Join('&', kept);
    }

    public static string Sign(string content, RSA key) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(string content, string sign, RSA key)
    {
        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(content), Convert.FromBase64String(sign), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static string Yuan(long fen) => string.Create(CultureInfo.InvariantCulture, $"{fen / 100}.{fen % 100:D2}");

    public static bool TryFen(string? yuan, out long fen)
    {
        fen = 0;
        if (yuan is null || !decimal.TryParse(yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var dot = yuan.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && yuan.Length - dot - 1 is 0 or > 2)
        {
            return false;
        }

        if (value < 0.01m || value > 100_000_000m)
        {
            return false;
        }

        fen = (long)(value * 100);
        return true;
    }
}
