using System.Security.Cryptography;

namespace Ordering.Sdk.Payments;

// Verifies WeChat Pay's signatures on responses and callbacks with the public key (PUB_KEY_ID_…) and
// platform certificates at once, choosing the key by Wechatpay-Serial, inside a ±5 minute window.
// Downloaded certificates are added while requests verify, so the key table is replaced, never mutated.
internal sealed class WeChatPayVerifier : IDisposable
{
    public static readonly TimeSpan TimestampWindow = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly List<RSA> _owned = [];
    private Dictionary<string, Entry> _keys = new(StringComparer.OrdinalIgnoreCase);

    public int Count => Volatile.Read(ref _keys).Count;

    public IEnumerable<string> Serials => Volatile.Read(ref _keys).Keys;

    // Adds a key; a serial already known keeps its first key (a serial names one certificate).
    public bool Add(string serial, RSA key, DateTimeOffset? notAfter = null)
    {
        lock (_gate)
        {
            _owned.Add(key);
            if (_keys.ContainsKey(serial))
            {
                return false;
            }

            var copy = new Dictionary<string, Entry>(_keys, StringComparer.OrdinalIgnoreCase) { [serial] = new Entry(key, notAfter) };
            Volatile.Write(ref _keys, copy);
            return true;
        }
    }

    public bool Knows(string serial) => Volatile.Read(ref _keys).ContainsKey(serial);

    public RSA? KeyFor(string serial) => Volatile.Read(ref _keys).TryGetValue(serial, out var entry) ? entry.Key : null;

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

        if (!Volatile.Read(ref _keys).TryGetValue(serial, out var entry))
        {
            return "unknown Wechatpay-Serial '" + serial + "'";
        }

        if (entry.NotAfter is { } notAfter && now > notAfter)
        {
            return "the platform certificate '" + serial + "' has expired";
        }

        return VerifyWith(entry.Key, timestamp, nonce, signature, body, now);
    }

    // The signature check itself, for a key that is not (yet) in the table.
    public static string? VerifyWith(RSA key, string timestamp, string nonce, string signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
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
        lock (_gate)
        {
            foreach (var key in _owned)
            {
                key.Dispose();
            }

            _owned.Clear();
            Volatile.Write(ref _keys, new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));
        }
    }

    private sealed record Entry(RSA Key, DateTimeOffset? NotAfter);
}
