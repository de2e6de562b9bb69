using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.Simulation;

// The simulation over real loopback HTTP: engine + real adapters + both sandboxes, one fake clock.
public sealed class HttpPaymentSimulationTests
{
    // The CI budget: a few seeds, two at a time (each seed costs about a second of CPU, mostly RSA).
    private const int CiSeeds = 8;

    [Fact]
    public async Task RunAsync_CiBudget_HoldsEveryInvariantAgainstTheSandboxLedgers()
    {
        var report = await HttpPaymentSimulation.RunAsync(firstSeed: 1, seeds: CiSeeds, maxDegreeOfParallelism: 2);

        Assert.True(report.Violations.Count == 0, report + Environment.NewLine + string.Join(Environment.NewLine, report.Violations.Take(10)));
        Assert.Equal(CiSeeds, report.Seeds);
        Assert.True(report.Crashes > 0, "no crash was injected");
        Assert.True(report.InjectedFaults.Count(f => f.Value > 0) >= 8, "too few kinds of faults struck: " + string.Join(", ", report.InjectedFaults));
    }

    [Fact]
    public async Task RunSeedAsync_SameSeed_ReplaysTheSameTrace()
    {
        using var first = new StringWriter();
        using var second = new StringWriter();

        var report = await HttpPaymentSimulation.RunSeedAsync(1, first);
        await HttpPaymentSimulation.RunSeedAsync(1, second);

        Assert.Equal(first.ToString(), second.ToString());
        Assert.Contains("CRASH", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("fault armed", first.ToString(), StringComparison.Ordinal);
        Assert.Empty(report.Violations);
    }

    [Fact]
    public void ReplayCommand_NamesHttpModeAndSeed()
    {
        Assert.Equal("dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --http --seed 42", HttpSimulationReport.ReplayCommand(42));
    }
}
