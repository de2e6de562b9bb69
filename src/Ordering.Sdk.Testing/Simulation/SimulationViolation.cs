using System.Globalization;

namespace Ordering.Sdk.Testing;

/// <summary>An invariant the payment simulation found broken, with the seed that replays it.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Invariant">Which invariant broke and how.</param>
public sealed record SimulationViolation(ulong Seed, string Invariant)
{
    /// <summary>Gets the command that replays the seed in detail.</summary>
    public string ReplayCommand => string.Create(CultureInfo.InvariantCulture, $"dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --seed {Seed}");

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"seed {Seed}: {Invariant} (replay: {ReplayCommand})");
}
