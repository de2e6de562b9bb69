using System.Security.Cryptography;

namespace Ordering.Sdk.Payments;

// Verifies WeChat Pay's signatures on responses and callbacks with the public key (PUB_KEY_ID_…) and
// platform certificates at once, choosing the key by Wechatpay-Serial, inside a ±5 minute window.
internal sealed class WeChatPayVerifier : IDisposable
{
    public static readonly TimeSpan TimestampWindow = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, RSA> _keys = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _keys.Count;

    public IEnumerable<string> Serials => _keys.Keys;

    public void Add(string serial, RSA key) => _keys[serial] = key;

    public bool Knows(string serial) => _keys.ContainsKey(serial);

    // Returns null when the signature is good, otherwise why it is not (no secrets in it).
    public string? Verify(string? serial, string? timestamp, string? nonce, string? signature, string? signatureType, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(serial) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature))
        {
            return "a Wechatpay-Serial, -Timestamp, -Nonce or -Signature header is missing";
        }

        if (signatureType is not null && !string.Equals(signatureType, WeChatPayV3Signature.Scheme, StringComparison.Ordinal))
        {
            return "unsupported Wechatpay-Signature-Type";
        }

        if (!_keys.TryGetValue(serial, out var key))
        {
            return "unknown Wechatpay-Serial '" + serial + "'";
        }

        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || seconds > 32503680000L)
        {
            return "malformed Wechatpay-Timestamp";
        }

        var skew = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() >= TimestampWindow)
        {
            return "Wechatpay-Timestamp is outside the 5 minute window";
        }

        var bytes = new byte[((signature.Length + 3) / 4) * 3];
        if (!Convert.TryFromBase64String(signature, bytes, out var written))
        {
            return "Wechatpay-Signature is not base64";
        }

        var message = WeChatPayV3Signature.ResponseMessage(timestamp, nonce, body);
        return key.VerifyData(message, bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? null
            : "the signature does not verify";
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }
}
