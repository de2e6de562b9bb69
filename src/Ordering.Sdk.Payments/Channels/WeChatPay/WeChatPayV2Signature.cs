using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Payments;

// API v2 signing: non-empty parameters but sign, sorted by key (ordinal), "k=v&…&key=API_V2_KEY",
// then MD5 or HMAC-SHA256 (keyed with the same key), upper-case hex.
internal static class WeChatPayV2Signature
{
    public const string HmacSha256Name = "HMAC-SHA256";

    public static string StringToSign(IEnumerable<KeyValuePair<string, string>> parameters, string apiKey)
    {
        var sorted = parameters
            .Where(p => !string.IsNullOrEmpty(p.Value) && !string.Equals(p.Key, "sign", StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var (key, value) in sorted)
        {
            builder.Append(key).Append('=').Append(value).Append('&');
        }

        return builder.Append("key=").Append(apiKey).ToString();
    }

    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string apiKey, WeChatPaySignType type)
    {
        var message = Encoding.UTF8.GetBytes(StringToSign(parameters, apiKey));
#pragma warning disable CA5351 // API v2 defines MD5 signing; merchants choose HMAC-SHA256 where they can.
        var digest = type == WeChatPaySignType.Md5
            ? MD5.HashData(message)
            : HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), message);
#pragma warning restore CA5351
        return Convert.ToHexString(digest);
    }

    public static bool Verify(IReadOnlyDictionary<string, string> parameters, string apiKey, WeChatPaySignType type)
    {
        if (!parameters.TryGetValue("sign", out var sign) || string.IsNullOrEmpty(sign))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parameters, apiKey, type));
        var actual = Encoding.ASCII.GetBytes(sign.ToUpperInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
