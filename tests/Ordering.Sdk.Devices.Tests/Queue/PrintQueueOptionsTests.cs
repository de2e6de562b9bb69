using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Devices.Queue;

namespace Ordering.Sdk.Devices.Tests.Queue;

public sealed class PrintQueueOptionsTests
{
    [Fact]
    public void Validate_ReportsEveryProblemWithItsField()
    {
        var options = new PrintQueueOptions { AttemptsPerPrinter = 0, RetryDelay = TimeSpan.Zero };
        options.Printers.Add(new PrinterDefinition { Id = "p1" });
        options.Stations.Add(new KitchenStation { Id = "hot", PrimaryPrinterId = "p9", BackupPrinterId = "p1" });

        var ex = Assert.Throws<OptionsValidationException>(options.Validate);
        Assert.Contains(ex.Failures, f => f.Contains("Host or DevicePath", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("PrimaryPrinterId 'p9'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("AttemptsPerPrinter", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("RetryDelay", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LeaseShorterThanTheLongestRound_Rejected_BecauseASlowRoundWouldLookLikeACrash()
    {
        var options = new PrintQueueOptions();
        options.Printers.Add(new PrinterDefinition { Id = "p1", Host = "127.0.0.1" });
        Assert.Equal(TimeSpan.FromSeconds(((3 + 16 + 5 + 20) * 3) + 1 + 2 + (3 + 5 + 2)) * 2, options.LongestRound);
        options.Validate();

        options.JobLease = options.LongestRound;
        var ex = Assert.Throws<OptionsValidationException>(options.Validate);
        Assert.StartsWith("JobLease", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrderingPrintQueue_InvalidOptions_FailsAtRegistration() =>
        Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddOrderingPrintQueue(o => o.Printers.Add(new PrinterDefinition())));

    [Fact]
    public async Task AddOrderingPrintQueue_ResolvesQueueAndInMemoryOutbox()
    {
        var services = new ServiceCollection().AddOrderingPrintQueue(o =>
        {
            o.Printers.Add(new PrinterDefinition { Id = "p1", Host = "127.0.0.1" });
            o.Stations.Add(new KitchenStation { Id = "hot", PrimaryPrinterId = "p1" });
        });
        await using var provider = services.BuildServiceProvider();
        var queue = provider.GetRequiredService<IPrintQueue>();
        Assert.True(await queue.EnqueueAsync(SampleData.Ticket()));
        Assert.Single(await provider.GetRequiredService<IPrintOutbox>().GetByStateAsync(PrintJobState.Pending));
    }
}
