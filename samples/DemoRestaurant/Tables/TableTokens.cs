using System.Security.Cryptography;
using System.Text;

namespace DemoRestaurant.Tables;

/// <summary>
/// Signs and verifies the per-table QR tokens: "T05.&lt;base64url HMAC-SHA256(T05)&gt;". A diner holding the token
/// of one table can see and change only that table's order. The key never leaves this class and is never logged.
/// </summary>
internal sealed class TableTokens
{
    private readonly byte[] _key;
    private readonly HashSet<string> _tables;

    public TableTokens(byte[] key, IEnumerable<string> tables)
    {
        _key = key;
        _tables = new HashSet<string>(tables, StringComparer.Ordinal);
    }

    public string Sign(string tableId) => tableId + "." + Mac(tableId);

    /// <summary>Returns the table a token grants, or null when the token is missing, malformed, forged or for an unknown table.</summary>
    public string? Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        var table = token[..dot];
        if (!_tables.Contains(table))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(table));
        var given = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? table : null;
    }

    /// <summary>Loads the configured key, or generates a dev key once and keeps it beside the database (never printed).</summary>
    public static byte[] LoadOrCreateKey(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return Encoding.UTF8.GetBytes(configured);
        }

        var path = Path.Combine(dataDirectory, "table-token.key");
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (existing.Length >= 32)
            {
                return existing;
            }
        }

        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }

    private string Mac(string tableId)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("table:" + tableId));
        return Base64Url(mac.AsSpan(0, 16));
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
