using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Testing.Printing;

namespace Ordering.Sdk.Devices.Tests.Queue;

// Two virtual printers on loopback (primary and backup of station "hot") and a queue with short, bounded timeouts.
internal sealed class PrintQueueFixture : IAsyncDisposable
{
    private PrintQueueFixture(VirtualPrinter primary, VirtualPrinter backup, bool withBackup)
    {
        Primary = primary;
        Backup = backup;
        var options = new PrintQueueOptions
        {
            AttemptsPerPrinter = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            RequeueDelay = TimeSpan.FromMilliseconds(100),
            // Real time on loopback: generous enough that a CI machine busy with other test projects never mistakes
            // a slow answer for a fault (a late completion signal would make the queue retry a printed job).
            ConnectTimeout = TimeSpan.FromSeconds(3),
            WriteTimeout = TimeSpan.FromSeconds(3),
            StatusTimeout = TimeSpan.FromSeconds(1),
            CompletionTimeout = TimeSpan.FromSeconds(3),
            PollInterval = TimeSpan.FromMilliseconds(20),
        };
        options.Printers.Add(new PrinterDefinition { Id = "p1", DisplayName = "热菜1号", Host = "127.0.0.1", Port = primary.Port, Profile = PrinterProfile.ChineseClone80 });
        options.Printers.Add(new PrinterDefinition { Id = "p2", DisplayName = "热菜2号", Host = "127.0.0.1", Port = backup.Port, Profile = PrinterProfile.EpsonCompatible80 });
        options.Stations.Add(new KitchenStation { Id = "hot", DisplayName = "热菜", PrimaryPrinterId = "p1", BackupPrinterId = withBackup ? "p2" : null });
        Outbox = new InMemoryPrintOutbox();
        Queue = new PrintQueue(options, Outbox, TimeProvider.System);
        Queue.Alert += (_, e) =>
        {
            lock (Alerts)
            {
                Alerts.Add(e);
            }
        };
    }

    public VirtualPrinter Primary { get; }

    public VirtualPrinter Backup { get; }

    public InMemoryPrintOutbox Outbox { get; }

    public PrintQueue Queue { get; }

    public List<PrinterAlertEventArgs> Alerts { get; } = [];

    public static PrintQueueFixture Start(bool withBackup = true) =>
        new(VirtualPrinter.Start("primary"), VirtualPrinter.Start("backup", chineseModeAtPowerOn: false), withBackup);

    public static int CutCount(VirtualPrinter printer, string orderId) =>
        printer.Documents.Count(d => d.IsCut && d.Lines.Any(l => l.Text.EndsWith("/ " + orderId, StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        await Queue.DisposeAsync();
        await Primary.DisposeAsync();
        await Backup.DisposeAsync();
    }
}
