using System.Diagnostics;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Testing.Printing;
using static Ordering.Sdk.Devices.Tests.Queue.PrintQueueFixture;

namespace Ordering.Sdk.Devices.Tests.Queue;

public sealed class AutomaticStatusBackTests
{
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task PaperRunsOutMidJob_AsbProfile_AlertsPaperOutAndFailsOverWithoutWaitingForTheCompletionTimeout()
    {
        await using var primary = VirtualPrinter.Start("primary", chineseModeAtPowerOn: false);
        await using var backup = VirtualPrinter.Start("backup");
        await using var queue = Queue(primary, backup, PrinterProfile.EpsonCompatible80, out var alerts);
        primary.RunOutOfPaperAfter(3 + 12 + 100); // GS a, DLE EOT ×4, then part of the ticket
        await queue.EnqueueAsync(SampleData.Ticket("o-1"));

        var clock = Stopwatch.StartNew();
        Assert.Equal(1, await queue.ProcessDueAsync());

        Assert.True(clock.Elapsed < CompletionTimeout, $"took {clock.Elapsed}: the ASB paper-out message should end the wait");
        var paperOut = Assert.Single(alerts, a => a.Kind == PrinterAlertKind.PaperOut);
        Assert.Equal("p1", paperOut.PrinterId);
        Assert.True((paperOut.Status.Conditions & Ordering.Sdk.Devices.Status.PrinterConditions.PaperEnd) != 0);
        Assert.Equal(1, CutCount(backup, "o-1"));

        await primary.SetConditionsAsync(VirtualPrinterConditions.None); // paper loaded: the held rest was cleared
        Assert.Equal(0, CutCount(primary, "o-1"));
    }

    [Fact]
    public async Task PaperRunsOutMidJob_ProfileWithoutAsb_WaitsForTheCompletionTimeout()
    {
        await using var primary = VirtualPrinter.Start("primary");
        await using var backup = VirtualPrinter.Start("backup");
        var noAsb = new PrinterProfile(PrinterProfile.ChineseClone80) { Name = "clone-no-asb", AutomaticStatusBack = false };
        await using var queue = Queue(primary, backup, noAsb, out var alerts, completionTimeout: TimeSpan.FromSeconds(1));
        primary.RunOutOfPaperAfter(12 + 100);
        await queue.EnqueueAsync(SampleData.Ticket("o-1"));

        var clock = Stopwatch.StartNew();
        Assert.Equal(1, await queue.ProcessDueAsync());

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"took {clock.Elapsed}: without ASB only the timeout ends the wait");
        Assert.Contains(alerts, a => a.Kind == PrinterAlertKind.PaperOut && a.PrinterId == "p1");
        Assert.Equal(1, CutCount(backup, "o-1"));
    }

    [Fact]
    public void Profiles_AsbOnForEpson_OffForClones()
    {
        Assert.True(PrinterProfile.EpsonCompatible80.AutomaticStatusBack);
        Assert.False(PrinterProfile.ChineseClone80.AutomaticStatusBack);
        Assert.False(PrinterProfile.ChineseClone58.AutomaticStatusBack);
        Assert.False(new PrinterProfile(PrinterProfile.ChineseClone80).AutomaticStatusBack);
    }

    private static PrintQueue Queue(VirtualPrinter primary, VirtualPrinter backup, PrinterProfile primaryProfile, out List<PrinterAlertEventArgs> alerts, TimeSpan? completionTimeout = null)
    {
        var options = new PrintQueueOptions
        {
            AttemptsPerPrinter = 1,
            StatusTimeout = TimeSpan.FromMilliseconds(500),
            CompletionTimeout = completionTimeout ?? CompletionTimeout,
        };
        options.Printers.Add(new PrinterDefinition { Id = "p1", DisplayName = "热菜1号", Host = "127.0.0.1", Port = primary.Port, Profile = primaryProfile });
        options.Printers.Add(new PrinterDefinition { Id = "p2", DisplayName = "热菜2号", Host = "127.0.0.1", Port = backup.Port, Profile = PrinterProfile.ChineseClone80 });
        options.Stations.Add(new KitchenStation { Id = "hot", DisplayName = "热菜", PrimaryPrinterId = "p1", BackupPrinterId = "p2" });
        var queue = new PrintQueue(options, new InMemoryPrintOutbox(), TimeProvider.System);
        var seen = new List<PrinterAlertEventArgs>();
        queue.Alert += (_, e) =>
        {
            lock (seen)
            {
                seen.Add(e);
            }
        };
        alerts = seen;
        return queue;
    }
}
