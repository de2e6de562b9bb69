namespace Ordering.Sdk.Testing;

/// <summary>
/// A deterministic simulation of payment sagas against the real engine: fake clock, faulty fake channels,
/// crash-restart of the engine at journal steps; after the faults heal it checks that nobody was charged
/// twice without an automatic refund, that channel and journal agree, that every attempt is final, that an
/// order is settled iff confirmed tenders equal its amount due, and that no refund exceeds its capture.
/// </summary>
/// <remarks>A seed fully determines its run: replay a violation with <see cref="RunSeed"/> and a trace writer.</remarks>
public static class PaymentSimulation
{
    /// <summary>Runs one seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="trace">Where to write a detailed trace, or <see langword="null"/>.</param>
    /// <returns>The seed's report.</returns>
    public static PaymentSimulationReport RunSeed(ulong seed, TextWriter? trace = null)
    {
        var world = new SimulationWorld(seed, trace);
        var violations = world.Run();
        return new PaymentSimulationReport(1, world.Sagas, world.Restarts, violations.ConvertAll(v => new SimulationViolation(seed, v)));
    }

    /// <summary>Runs consecutive seeds in parallel (each seed stays deterministic).</summary>
    /// <param name="firstSeed">The first seed.</param>
    /// <param name="seeds">How many seeds.</param>
    /// <param name="maxDegreeOfParallelism">How many seeds run at once; <see langword="null"/> for the processor count.</param>
    /// <param name="cancellationToken">Stops starting new seeds.</param>
    /// <returns>The combined report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seeds"/> is negative.</exception>
    public static PaymentSimulationReport Run(ulong firstSeed, int seeds, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seeds);
        long sagas = 0, crashes = 0, ran = 0;
        var violations = new List<SimulationViolation>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, seeds, options, i =>
        {
            var report = RunSeed(firstSeed + (ulong)i);
            Interlocked.Add(ref sagas, report.Sagas);
            Interlocked.Add(ref crashes, report.Crashes);
            Interlocked.Increment(ref ran);
            if (report.Violations.Count > 0)
            {
                lock (violations)
                {
                    violations.AddRange(report.Violations);
                }
            }
        });
        violations.Sort(static (a, b) => a.Seed.CompareTo(b.Seed));
        return new PaymentSimulationReport(ran, sagas, crashes, violations);
    }
}
