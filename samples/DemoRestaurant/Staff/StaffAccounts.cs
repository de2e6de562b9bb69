using System.Security.Cryptography;
using System.Text;

namespace DemoRestaurant.Staff;

/// <summary>
/// The seeded staff accounts. Only PBKDF2-SHA256 hashes (random salt, 100 000 iterations) are kept in memory;
/// passwords come from configuration (Demo:StaffPasswords:&lt;name&gt;) or the documented demo defaults.
/// </summary>
internal sealed class StaffAccounts
{
    public static readonly IReadOnlyList<(string Name, string Role, string DefaultPassword)> Seeded =
    [
        ("cashier", StaffRoles.Cashier, "cashier-demo"),
        ("kitchen", StaffRoles.Kitchen, "kitchen-demo"),
        ("manager", StaffRoles.Manager, "manager-demo"),
    ];

    private const int Iterations = 100_000;
    private readonly Dictionary<string, (string Role, byte[] Salt, byte[] Hash)> _accounts = new(StringComparer.Ordinal);

    public StaffAccounts(IReadOnlyDictionary<string, string> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        foreach (var (name, role, fallback) in Seeded)
        {
            var password = configured.TryGetValue(name, out var set) && !string.IsNullOrEmpty(set) ? set : fallback;
            UsesDefaults |= password == fallback;
            var salt = RandomNumberGenerator.GetBytes(16);
            _accounts[name] = (role, salt, Hash(password, salt));
        }
    }

    /// <summary>Gets a value indicating whether any account still has its documented demo password.</summary>
    public bool UsesDefaults { get; }

    /// <summary>Returns the account's role when the password matches, otherwise null (same work either way).</summary>
    public string? Verify(string? name, string? password)
    {
        var known = name is not null && _accounts.TryGetValue(name, out _);
        var (role, salt, hash) = known ? _accounts[name!] : (string.Empty, new byte[16], new byte[32]);
        var candidate = Hash(password ?? string.Empty, salt);
        return CryptographicOperations.FixedTimeEquals(candidate, hash) && known ? role : null;
    }

    private static byte[] Hash(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
}

/// <summary>Staff roles and the pages they open.</summary>
internal static class StaffRoles
{
    public const string Cashier = "cashier";
    public const string Kitchen = "kitchen";
    public const string Manager = "manager";

    public const string CashierPolicy = "cashier";
    public const string KitchenPolicy = "kitchen";
    public const string ManagerPolicy = "manager";
}
