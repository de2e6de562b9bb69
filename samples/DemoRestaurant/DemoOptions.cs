namespace DemoRestaurant;

/// <summary>The demo host's settings, bound from the "Demo" configuration section (appsettings.json, environment, command line).</summary>
internal sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Gets or sets where the SQLite file and the generated dev secret live; relative paths are under the content root. Empty means a fresh temp directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Gets or sets the store's name printed on receipts.</summary>
    public string StoreName { get; set; } = "川粤小馆 Demo Bistro";

    /// <summary>Gets or sets how many tables (T01…) the restaurant has.</summary>
    public int TableCount { get; set; } = 12;

    /// <summary>Gets or sets the HMAC key that signs table QR links; when empty a dev key is generated once and kept in the data directory.</summary>
    public string? TableTokenSecret { get; set; }

    /// <summary>Gets or sets the requests one table (or client address) may make per rate-limit window on diner endpoints.</summary>
    public int DinerPermitsPerWindow { get; set; } = 60;

    /// <summary>Gets or sets the diner rate-limit window in seconds.</summary>
    public int DinerWindowSeconds { get; set; } = 10;

    /// <summary>Gets or sets how long the simulated customer takes to confirm a WeChat/Alipay payment, in milliseconds.</summary>
    public int SimulatedCustomerDelayMs { get; set; } = 1500;

    /// <summary>Gets or sets the seed of every chaos decision (which request fails, which customer mistypes), so a run can be replayed.</summary>
    public int ChaosSeed { get; set; } = 8;

    /// <summary>Gets or sets which gateways stand behind WeChat Pay and Alipay: the in-process fakes or the loopback sandboxes with the real adapters.</summary>
    public Payments.DemoPaymentGateways PaymentGateways { get; set; } = Payments.DemoPaymentGateways.Sandbox;

    /// <summary>Gets or sets the seeded staff passwords (name → password); the defaults are printed in the README and at first run.</summary>
    public Dictionary<string, string> StaffPasswords { get; set; } = new(StringComparer.Ordinal);

    public void Validate()
    {
        var errors = new List<string>();
        if (TableCount is < 1 or > 999)
        {
            errors.Add($"Demo:TableCount must be 1–999, was {TableCount}.");
        }

        if (DinerPermitsPerWindow < 1 || DinerWindowSeconds < 1)
        {
            errors.Add("Demo:DinerPermitsPerWindow and Demo:DinerWindowSeconds must be positive.");
        }

        if (SimulatedCustomerDelayMs is < 0 or > 60_000)
        {
            errors.Add($"Demo:SimulatedCustomerDelayMs must be 0–60000, was {SimulatedCustomerDelayMs}.");
        }

        if (TableTokenSecret is { Length: > 0 and < 32 })
        {
            errors.Add("Demo:TableTokenSecret must be at least 32 characters.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid demo configuration: " + string.Join(" ", errors));
        }
    }

    public IReadOnlyList<string> TableIds() =>
        Enumerable.Range(1, TableCount).Select(i => "T" + i.ToString(TableCount > 99 ? "000" : "00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
