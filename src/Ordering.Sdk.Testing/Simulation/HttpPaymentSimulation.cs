namespace Ordering.Sdk.Testing;

/// <summary>
/// The payment simulation over real loopback HTTP: the same seeded sagas (code pay, QR and mini-program with
/// simulated customers, cancels, refunds, engine crashes and restarts from the journal) run through the payment
/// engine with the real WeChat Pay and Alipay adapters against <see cref="WeChatPaySandbox"/> and
/// <see cref="Alipay.AlipaySandbox"/>, with faults chosen by the seed; the invariants are checked against the
/// sandboxes' ledgers.
/// </summary>
/// <remarks>
/// Each seed is driven one call at a time on one fake clock shared by the engine and both sandboxes, so its
/// outcome depends on the seed alone; replay a violation with <see cref="RunSeedAsync"/> and a trace writer.
/// </remarks>
public static class HttpPaymentSimulation
{
    /// <summary>Runs one seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="trace">Where to write a detailed trace, or <see langword="null"/>.</param>
    /// <returns>The seed's report.</returns>
    public static async Task<HttpSimulationReport> RunSeedAsync(ulong seed, TextWriter? trace = null)
    {
        var world = await HttpSimulationWorld.CreateAsync(seed, trace).ConfigureAwait(false);
        await using (world.ConfigureAwait(false))
        {
            var violations = await world.RunAsync().ConfigureAwait(false);
            return new HttpSimulationReport(
                1,
                world.Sagas,
                world.Restarts,
                new Dictionary<string, long>(world.InjectedFaults, StringComparer.Ordinal),
                violations.ConvertAll(v => new SimulationViolation(seed, v)));
        }
    }

    /// <summary>Runs consecutive seeds, a few at a time (each seed stays deterministic: it has its own sandboxes and clock).</summary>
    /// <param name="firstSeed">The first seed.</param>
    /// <param name="seeds">How many seeds.</param>
    /// <param name="maxDegreeOfParallelism">How many seeds run at once; <see langword="null"/> for the processor count.</param>
    /// <param name="cancellationToken">Stops starting new seeds.</param>
    /// <returns>The combined report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seeds"/> is negative.</exception>
    public static async Task<HttpSimulationReport> RunAsync(ulong firstSeed, int seeds, int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seeds);
        var reports = new List<HttpSimulationReport>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, seeds, options, async (i, _) =>
        {
            var report = await RunSeedAsync(firstSeed + (ulong)i).ConfigureAwait(false);
            lock (reports)
            {
                reports.Add(report);
            }
        }).ConfigureAwait(false);
        return HttpSimulationReport.Combine(reports);
    }
}
