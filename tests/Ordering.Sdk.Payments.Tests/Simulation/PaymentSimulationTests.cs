using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.Simulation;

public sealed class PaymentSimulationTests
{
    // The CI budget: 22,300 consecutive seeds are at least 100,000 sagas (the count is deterministic).
    private const int CiSeeds = 22_300;

    [Fact]
    public void Run_CiBudget_HoldsEveryInvariant()
    {
        var report = PaymentSimulation.Run(firstSeed: 1, seeds: CiSeeds);

        Assert.True(report.Sagas >= 100_000, $"only {report.Sagas} sagas ran");
        Assert.True(report.Crashes > 0, "no crash was injected");
        Assert.True(report.Violations.Count == 0, report + Environment.NewLine + string.Join(Environment.NewLine, report.Violations.Take(10)));
    }

    [Fact]
    public void RunSeed_SameSeed_IsDeterministic()
    {
        using var first = new StringWriter();
        using var second = new StringWriter();

        PaymentSimulation.RunSeed(3292, first);
        PaymentSimulation.RunSeed(3292, second);

        Assert.Equal(first.ToString(), second.ToString());
        Assert.Contains("CRASH", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SimulationViolation_ReplayCommand_NamesTheSeed()
    {
        var violation = new SimulationViolation(42, "example");

        Assert.Equal("dotnet run --project tests/Ordering.Sdk.Payments.Simulation -- --seed 42", violation.ReplayCommand);
        Assert.Contains(violation.ReplayCommand, violation.ToString(), StringComparison.Ordinal);
    }
}
