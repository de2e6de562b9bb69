using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Testing.Printing;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Printing;

// The kitchen print queue on the SQLite outbox across restarts: a process stops (cancelled in the middle of a
// job, the in-process stand-in for a crash), a new one opens the same file. Nothing is lost, nothing the SDK
// may already have printed is sent again, and reprints happen only on request, marked 重打.
public sealed class PrintQueueRestartTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Restart_JobsQueuedBeforeTheRestart_ArePrintedOnceAfterIt()
    {
        using var temp = new TempDatabase();
        await using var printer = VirtualPrinter.Start("hot");
        await using (var outbox = await SqlitePrintOutbox.OpenAsync(temp.FilePath))
        await using (var services = Services(outbox, printer, TimeProvider.System))
        {
            var queue = services.GetRequiredService<IPrintQueue>();
            Assert.True(await queue.EnqueueAsync(SqlitePrintOutboxTests.Ticket("o-1")));
            Assert.True(await queue.EnqueueAsync(SqlitePrintOutboxTests.Ticket("o-2")));
        }

        await using (var outbox = await SqlitePrintOutbox.OpenAsync(temp.FilePath))
        await using (var services = Services(outbox, printer, TimeProvider.System))
        {
            var queue = services.GetRequiredService<IPrintQueue>();
            Assert.False(await queue.EnqueueAsync(SqlitePrintOutboxTests.Ticket("o-1"))); // still known after the restart
            Assert.Equal(0, await queue.RecoverAsync());
            Assert.Equal(2, await queue.ProcessDueAsync());
            Assert.Equal(0, await queue.ProcessDueAsync());
            Assert.Equal(PrintJobState.Printed, (await outbox.FindAsync(new PrintJobKey("o-2", "hot", 1)))!.State);
        }

        Assert.Equal(1, Cuts(printer, "o-1"));
        Assert.Equal(1, Cuts(printer, "o-2"));
    }

    [Fact]
    public async Task Crash_MidJob_InterruptedJobIsFlaggedNotResent_OthersPrintOnce_ReprintOnlyOnRequest()
    {
        using var temp = new TempDatabase();
        await using var printer = VirtualPrinter.Start("hot");
        var crashedAt = DateTimeOffset.UtcNow;

        // Process 1: the paper runs out in the middle of o-1, and the process dies while waiting for the completion signal.
        await using (var outbox = await SqlitePrintOutbox.OpenAsync(temp.FilePath))
        await using (var services = Services(outbox, printer, TimeProvider.System))
        {
            var queue = services.GetRequiredService<IPrintQueue>();
            await queue.EnqueueAsync(SqlitePrintOutboxTests.Ticket("o-1"));
            await queue.EnqueueAsync(SqlitePrintOutboxTests.Ticket("o-2"));
            printer.RunOutOfPaperAfter(12 + 80);
            using var crash = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var processing = queue.ProcessDueAsync(crash.Token).AsTask();
            while (!printer.Conditions.HasFlag(VirtualPrinterConditions.PaperOut))
            {
                await Task.Delay(10);
            }

            await crash.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processing);
            var interrupted = (await outbox.FindAsync(new PrintJobKey("o-1", "hot", 1)))!;
            Assert.Equal(PrintJobState.Printing, interrupted.State);
            Assert.True(interrupted.LeaseUntil > crashedAt);
        }

        // Staff load paper: the printer prints what it held from the first process (the SDK sent it once).
        await printer.SetConditionsAsync(VirtualPrinterConditions.None);

        // Process 2, after the dead process's lease ran out.
        var clock = new FakeTimeProvider(crashedAt + Lease + TimeSpan.FromMinutes(1));
        await using (var outbox = await SqlitePrintOutbox.OpenAsync(temp.FilePath))
        await using (var services = Services(outbox, printer, clock))
        {
            var queue = services.GetRequiredService<IPrintQueue>();
            var alerts = new List<PrinterAlertEventArgs>();
            queue.Alert += (_, e) => alerts.Add(e);

            Assert.Equal(1, await queue.RecoverAsync());
            Assert.Equal(1, await queue.ProcessDueAsync()); // o-2 only
            var flagged = (await outbox.FindAsync(new PrintJobKey("o-1", "hot", 1)))!;
            Assert.Equal(PrintJobState.NeedsAttention, flagged.State);
            var alert = Assert.Single(alerts, a => a.Kind == PrinterAlertKind.TicketUncertain);
            Assert.Equal(flagged.Key, alert.Job);
            Assert.Equal(1, Cuts(printer, "o-1"));
            Assert.Equal(1, Cuts(printer, "o-2"));
            Assert.DoesNotContain(printer.Documents, d => d.Text.Contains("重打", StringComparison.Ordinal));

            // Staff ask for a reprint: a second copy, marked 重打.
            var reprint = await queue.ReprintAsync("o-1", "hot", 1);
            Assert.Equal(1, await queue.ProcessDueAsync());
            Assert.Equal(PrintJobState.Printed, (await outbox.FindAsync(reprint))!.State);
            Assert.Equal(2, Cuts(printer, "o-1"));
            Assert.Contains("重打", printer.Documents[^1].Text, StringComparison.Ordinal);
        }
    }

    private static ServiceProvider Services(SqlitePrintOutbox outbox, VirtualPrinter printer, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPrintOutbox>(outbox);
        services.AddSingleton(clock);
        services.AddOrderingPrintQueue(o =>
        {
            o.Printers.Add(new PrinterDefinition { Id = "p1", DisplayName = "热菜1号", Host = "127.0.0.1", Port = printer.Port, Profile = PrinterProfile.ChineseClone80 });
            o.Stations.Add(new KitchenStation { Id = "hot", DisplayName = "热菜", PrimaryPrinterId = "p1" });
            o.AttemptsPerPrinter = 1;
            o.ConnectTimeout = TimeSpan.FromSeconds(2);
            o.WriteTimeout = TimeSpan.FromSeconds(2);
            o.StatusTimeout = TimeSpan.FromSeconds(1);
            o.CompletionTimeout = TimeSpan.FromSeconds(15);
            o.JobLease = Lease;
        });
        return services.BuildServiceProvider();
    }

    private static int Cuts(VirtualPrinter printer, string orderId) =>
        printer.Documents.Count(d => d.IsCut && d.Lines.Any(l => l.Text.EndsWith("/ " + orderId, StringComparison.Ordinal)));
}
