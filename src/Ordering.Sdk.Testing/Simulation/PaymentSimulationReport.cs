using System.Globalization;

namespace Ordering.Sdk.Testing;

/// <summary>The result of running payment simulation seeds.</summary>
/// <param name="Seeds">How many seeds ran.</param>
/// <param name="Sagas">How many payment sagas (orders) ran in total.</param>
/// <param name="Crashes">How many simulated engine crashes were injected and recovered from.</param>
/// <param name="Violations">Every invariant violation found.</param>
public sealed record PaymentSimulationReport(long Seeds, long Sagas, long Crashes, IReadOnlyList<SimulationViolation> Violations)
{
    /// <summary>Gets the one-line summary <c>seeds=… sagas=… violations=…</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"seeds={Seeds} sagas={Sagas} crashes={Crashes} violations={Violations.Count}");
}
