namespace Ordering.Sdk.Devices.Tests.Queue;

public sealed class PrintQueueSimulationTests
{
    private const int Seeds = 40;

    [Fact]
    public async Task Simulation_ManySeeds_EveryJobPrintedExactlyOnceSomewhere_NoneLost_ReprintsOnlyWhenAsked()
    {
        var jobs = 0;
        var faults = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            await using var simulation = new PrintQueueSimulation(seed);
            await simulation.RunAsync();
            var problem = await simulation.CheckAsync();
            Assert.True(problem is null, $"Replay with PrintQueueSimulationTests.Simulation_Replay({seed}). {problem}");
            jobs += simulation.Jobs;
            faults += simulation.FaultsInjected;
        }

        Assert.True(jobs > Seeds * 40, $"only {jobs} jobs were simulated");
        Assert.True(faults > Seeds * 5, $"only {faults} faults were injected");
    }

    // Paste a failing seed here to replay it (and debug it) alone.
    [Theory]
    [InlineData(15)]
    [InlineData(1234)]
    public async Task Simulation_Replay(int seed)
    {
        await using var simulation = new PrintQueueSimulation(seed);
        await simulation.RunAsync();
        var problem = await simulation.CheckAsync();
        Assert.True(problem is null, problem);
    }

    [Fact]
    public async Task Simulation_SameSeed_SameRun()
    {
        await using var first = new PrintQueueSimulation(42);
        await using var second = new PrintQueueSimulation(42);
        await first.RunAsync();
        await second.RunAsync();
        Assert.NotEmpty(first.Trace);
        Assert.Equal(first.Trace, second.Trace);
    }
}
