using System.Globalization;

namespace DemoRestaurant.LoadTest;

/// <summary>What the lunch-peak load test does; every loop is bounded by these numbers.</summary>
internal sealed record LoadTestOptions
{
    public int Diners { get; init; } = 240;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan PaymentTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan HardStop { get; init; } = TimeSpan.FromMinutes(3);

    public bool Faults { get; init; } = true;

    public int NoOpRequestsPerDiner { get; init; } = 50;

    public static LoadTestOptions Parse(string[] args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            options = args[i] switch
            {
                "--diners" => options with { Diners = int.Parse(value!, CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(int.Parse(value!, CultureInfo.InvariantCulture)) },
                "--no-faults" => options with { Faults = false },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --diners N (≥1, ≤2000), --duration SECONDS (≤300), --no-faults."),
            };
            if (args[i] is "--diners" or "--duration")
            {
                i++;
            }
        }

        if (options.Diners is < 1 or > 2000 || options.Duration <= TimeSpan.Zero || options.Duration > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException("--diners must be 1–2000 and --duration 1–300 seconds.");
        }

        return options;
    }
}
