using System.Globalization;

namespace Ordering.Sdk.Testing;

/// <summary>The result of running payment simulation seeds over HTTP against the sandboxes.</summary>
/// <param name="Seeds">How many seeds ran.</param>
/// <param name="Sagas">How many payment sagas (orders) ran in total.</param>
/// <param name="Crashes">How many simulated engine crashes were injected and recovered from.</param>
/// <param name="InjectedFaults">How many faults of each kind struck (e.g. <c>wechat.DropAfterProcessing</c>); "0 violations" means little for a kind never injected.</param>
/// <param name="Violations">Every invariant violation found.</param>
public sealed record HttpSimulationReport(long Seeds, long Sagas, long Crashes, IReadOnlyDictionary<string, long> InjectedFaults, IReadOnlyList<SimulationViolation> Violations)
{
    /// <summary>Gets the command that replays one seed of this simulation with a trace.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The command line.</returns>
    public static string ReplayCommand(ulong seed) =>
        string.Create(CultureInfo.InvariantCulture, $"dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --http --seed {seed}");

    /// <summary>Gets the one-line summary <c>seeds=… sagas=… crashes=… faults=… violations=…</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"seeds={Seeds} sagas={Sagas} crashes={Crashes} faults={InjectedFaults.Values.Sum()} violations={Violations.Count}");

    internal static HttpSimulationReport Combine(IEnumerable<HttpSimulationReport> reports)
    {
        long seeds = 0, sagas = 0, crashes = 0;
        var faults = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var violations = new List<SimulationViolation>();
        foreach (var report in reports)
        {
            seeds += report.Seeds;
            sagas += report.Sagas;
            crashes += report.Crashes;
            violations.AddRange(report.Violations);
            foreach (var (kind, count) in report.InjectedFaults)
            {
                faults[kind] = faults.GetValueOrDefault(kind) + count;
            }
        }

        violations.Sort(static (a, b) => a.Seed.CompareTo(b.Seed));
        return new HttpSimulationReport(seeds, sagas, crashes, faults, violations);
    }
}
