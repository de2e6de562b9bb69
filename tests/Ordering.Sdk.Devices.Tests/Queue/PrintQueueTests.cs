using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Testing.Printing;
using static Ordering.Sdk.Devices.Tests.Queue.PrintQueueFixture;

namespace Ordering.Sdk.Devices.Tests.Queue;

public sealed class PrintQueueTests
{
    [Fact]
    public async Task ProcessDue_HealthyPrimary_PrintsEachTicketOnceAndRecordsIt()
    {
        await using var f = Start();
        Assert.True(await f.Queue.EnqueueAsync(SampleData.Ticket("o-1")));
        Assert.True(await f.Queue.EnqueueAsync(SampleData.Ticket("o-2")));
        Assert.False(await f.Queue.EnqueueAsync(SampleData.Ticket("o-1"))); // same (order, station, revision)

        Assert.Equal(2, await f.Queue.ProcessDueAsync());
        Assert.Equal(0, await f.Queue.ProcessDueAsync());

        Assert.Equal(1, CutCount(f.Primary, "o-1"));
        Assert.Equal(1, CutCount(f.Primary, "o-2"));
        Assert.Empty(f.Backup.Documents);
        var job = await f.Outbox.FindAsync(new PrintJobKey("o-1", "hot", 1));
        Assert.Equal(PrintJobState.Printed, job!.State);
        Assert.Equal("p1", job.PrintedOn);
        Assert.Equal(0, f.Primary.UnknownCommandBytes);
    }

    [Theory]
    [InlineData(VirtualPrinterConditions.PaperOut, PrinterAlertKind.PaperOut)]
    [InlineData(VirtualPrinterConditions.CoverOpen, PrinterAlertKind.CoverOpen)]
    [InlineData(VirtualPrinterConditions.Offline, PrinterAlertKind.Offline)]
    public async Task ProcessDue_PrimaryNotReady_FailsOverWithBackupHeaderAndAlertsOnce(VirtualPrinterConditions fault, PrinterAlertKind expected)
    {
        await using var f = Start();
        await f.Primary.SetConditionsAsync(fault);
        await f.Queue.EnqueueAsync(SampleData.Ticket("o-1"));

        Assert.Equal(1, await f.Queue.ProcessDueAsync());

        var printed = Assert.Single(f.Backup.Documents);
        Assert.Equal("*** 备份 BACKUP FROM 热菜1号 ***", printed.Lines[0].Text);
        Assert.Single(f.Alerts, a => a.Kind == expected && a.PrinterId == "p1");
        Assert.Single(f.Alerts, a => a.Kind == PrinterAlertKind.FailedOver);
        Assert.Equal("p2", (await f.Outbox.FindAsync(new PrintJobKey("o-1", "hot", 1)))!.PrintedOn);

        await f.Primary.SetConditionsAsync(VirtualPrinterConditions.None);
        Assert.Equal(0, CutCount(f.Primary, "o-1")); // the job was never sent to the faulty printer
    }

    [Fact]
    public async Task ProcessDue_ConnectionDroppedMidJob_RetriesOnTheSamePrinterAndPrintsOnce()
    {
        await using var f = Start();
        f.Primary.DropConnectionAfter(12 + 60); // status queries, then part of the ticket
        await f.Queue.EnqueueAsync(SampleData.Ticket("o-1"));

        Assert.Equal(1, await f.Queue.ProcessDueAsync());

        Assert.Equal(1, CutCount(f.Primary, "o-1"));
        Assert.Contains(f.Primary.Documents, d => !d.IsCut); // the torn first attempt
        Assert.Empty(f.Backup.Documents);
    }

    [Fact]
    public async Task ProcessDue_PaperRunsOutMidJob_ClearsThePrimaryBeforeFailover_SoItNeverPrintsItLate()
    {
        await using var f = Start();
        f.Primary.RunOutOfPaperAfter(12 + 100);
        await f.Queue.EnqueueAsync(SampleData.Ticket("o-1"));

        Assert.Equal(1, await f.Queue.ProcessDueAsync());
        Assert.Equal(1, CutCount(f.Backup, "o-1"));
        Assert.Contains(f.Alerts, a => a.Kind == PrinterAlertKind.PaperOut);

        await f.Primary.SetConditionsAsync(VirtualPrinterConditions.None); // paper loaded
        Assert.Equal(0, CutCount(f.Primary, "o-1"));
    }

    [Fact]
    public async Task ProcessDue_PrimaryNeverComesBack_PrintsOnBackup()
    {
        await using var f = Start();
        await f.Primary.DisposeAsync();
        await f.Queue.EnqueueAsync(SampleData.Ticket("o-1"));

        Assert.Equal(1, await f.Queue.ProcessDueAsync());
        Assert.Equal(1, CutCount(f.Backup, "o-1"));
        Assert.Contains(f.Alerts, a => a.Kind == PrinterAlertKind.Unreachable && a.PrinterId == "p1");
    }

    [Fact]
    public async Task ProcessDue_EveryPrinterDown_KeepsTheJobAndPrintsItWhenOneReturns()
    {
        await using var f = Start();
        await f.Primary.DisposeAsync();
        await f.Backup.SetConditionsAsync(VirtualPrinterConditions.Silent);
        await f.Queue.EnqueueAsync(SampleData.Ticket("o-1"));

        Assert.Equal(0, await f.Queue.ProcessDueAsync());
        var job = await f.Outbox.FindAsync(new PrintJobKey("o-1", "hot", 1));
        Assert.Equal(PrintJobState.Pending, job!.State);
        Assert.NotNull(job.LastError);
        Assert.Contains(f.Alerts, a => a.Kind == PrinterAlertKind.TicketDelayed);

        await f.Backup.SetConditionsAsync(VirtualPrinterConditions.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var run = f.Queue.RunAsync(cts.Token);
        while ((await f.Outbox.FindAsync(job.Key))!.State != PrintJobState.Printed)
        {
            await Task.Delay(20, cts.Token);
        }

        await cts.CancelAsync();
        await run;
        Assert.Equal(1, CutCount(f.Backup, "o-1"));
        Assert.Equal(2, (await f.Outbox.FindAsync(job.Key))!.Attempts);
    }

    [Fact]
    public async Task Reprint_PrintsAnotherCopyMarkedChongDa()
    {
        await using var f = Start();
        await f.Queue.EnqueueAsync(SampleData.Ticket("o-1"));
        await f.Queue.ProcessDueAsync();

        var key = await f.Queue.ReprintAsync("o-1", "hot", 1);
        Assert.Equal(1, key.Reprint);
        Assert.Equal(1, await f.Queue.ProcessDueAsync());

        Assert.Equal(2, CutCount(f.Primary, "o-1"));
        Assert.Contains("【重打】", f.Primary.Documents[^1].Text, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await f.Queue.ReprintAsync("nope", "hot", 1));
    }

    [Fact]
    public async Task Recover_JobInterruptedWhilePrinting_NeedsAttentionNotAnAutomaticResend()
    {
        await using var f = Start();
        var now = DateTimeOffset.UnixEpoch;
        var key = new PrintJobKey("o-1", "hot", 1);
        await f.Outbox.TryAddAsync(new PrintJob(key, SampleData.Ticket("o-1"), PrintJobState.Printing, now, now, 1));

        Assert.Equal(1, await f.Queue.RecoverAsync());
        Assert.Equal(PrintJobState.NeedsAttention, (await f.Outbox.FindAsync(key))!.State);
        Assert.Single(f.Alerts, a => a.Kind == PrinterAlertKind.TicketUncertain);
        Assert.Equal(0, await f.Queue.ProcessDueAsync());
    }

    [Fact]
    public async Task Enqueue_UnknownStation_Throws()
    {
        await using var f = Start();
        var ticket = new Ordering.Sdk.Kitchen.KitchenTicket("o", "1", "bar", 1, Ordering.Sdk.Kitchen.KitchenTicketKind.NewOrder, [new("可乐", 1)], SampleData.Noon);
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await f.Queue.EnqueueAsync(ticket));
        Assert.Contains("bar", ex.Message, StringComparison.Ordinal);
    }

    // Seeded fault mix: whatever happens to the primary, each ticket ends up printed exactly once somewhere.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ProcessDue_RandomFaults_EveryTicketPrintedExactlyOnce(int seed)
    {
        await using var f = Start();
        var random = new Random(seed);
        for (var i = 0; i < 6; i++)
        {
            var orderId = $"o-{seed}-{i}";
            switch (random.Next(5))
            {
                case 0:
                    await f.Primary.SetConditionsAsync(VirtualPrinterConditions.PaperOut);
                    break;
                case 1:
                    f.Primary.DropConnectionAfter(12 + random.Next(200));
                    break;
                case 2:
                    f.Primary.RunOutOfPaperAfter(12 + random.Next(300));
                    break;
                case 3:
                    await f.Primary.SetConditionsAsync(VirtualPrinterConditions.Offline);
                    break;
                default:
                    break;
            }

            await f.Queue.EnqueueAsync(SampleData.Ticket(orderId));
            Assert.Equal(1, await f.Queue.ProcessDueAsync());
            await f.Primary.SetConditionsAsync(VirtualPrinterConditions.None); // staff fix the printer; held data is printed now if it was not cleared
            Assert.Equal(1, CutCount(f.Primary, orderId) + CutCount(f.Backup, orderId));
        }
    }
}
