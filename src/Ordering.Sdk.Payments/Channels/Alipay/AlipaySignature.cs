using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Payments.Alipay;

// RSA2 = SHA256withRSA, PKCS#1 v1.5, Base64. The signed text is k=v pairs sorted by ordinal key, raw (not
// URL-encoded) values, empty values skipped, encoded as UTF-8 (our charset).
internal static class AlipaySignature
{
    public static string SignContent(IEnumerable<KeyValuePair<string, string>> parameters, bool includeSignType)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(value) || key == "sign" || (!includeSignType && key == "sign_type"))
            {
                continue;
            }

            sorted[key] = value;
        }

        var text = new StringBuilder();
        foreach (var (key, value) in sorted)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(key).Append('=').Append(value);
        }

        return text.ToString();
    }

    public static string Sign(string content, RSA privateKey) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static bool Verify(string content, string? signature, RSA publicKey)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var bytes = new byte[(signature.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(signature, bytes, out var written))
        {
            return false;
        }

        try
        {
            return publicKey.VerifyData(Encoding.UTF8.GetBytes(content), bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
