using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Testing.Printing;

namespace Ordering.Sdk.Devices.Tests.Telemetry;

public sealed class DevicesMetricsTests
{
    [Fact]
    public async Task PrintQueue_PrintFailoverAndDelay_RecordsMetricsAndSpans()
    {
        // Printer ids unique to this test: other tests run in parallel on the same static meter.
        var primaryId = "tel-" + Guid.NewGuid().ToString("N");
        var backupId = primaryId + "-b";
        var measurements = new List<(string Name, long Value, string? Printer, string? Kind)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrderingTelemetry.DevicesSourceName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? printer = null, kind = null;
            foreach (var tag in tags)
            {
                printer = tag.Key == "printer" ? tag.Value as string : printer;
                kind = tag.Key == "kind" ? tag.Value as string : kind;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, printer, kind));
            }
        });
        listener.Start();

        var spans = new List<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OrderingTelemetry.DevicesSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                {
                    spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(activities);

        await using var primary = VirtualPrinter.Start("primary");
        await using var backup = VirtualPrinter.Start("backup");
        var options = new PrintQueueOptions { AttemptsPerPrinter = 1, StatusTimeout = TimeSpan.FromMilliseconds(300), CompletionTimeout = TimeSpan.FromSeconds(2) };
        options.Printers.Add(new PrinterDefinition { Id = primaryId, Host = "127.0.0.1", Port = primary.Port, Profile = PrinterProfile.ChineseClone80 });
        options.Printers.Add(new PrinterDefinition { Id = backupId, Host = "127.0.0.1", Port = backup.Port, Profile = PrinterProfile.ChineseClone80 });
        options.Stations.Add(new KitchenStation { Id = "hot", PrimaryPrinterId = primaryId, BackupPrinterId = backupId });
        await using var queue = new PrintQueue(options, new InMemoryPrintOutbox(), TimeProvider.System);

        await queue.EnqueueAsync(SampleData.Ticket("o-1"));
        Assert.Equal(1, await queue.ProcessDueAsync()); // on the primary
        await primary.SetConditionsAsync(VirtualPrinterConditions.PaperOut);
        await queue.EnqueueAsync(SampleData.Ticket("o-2"));
        Assert.Equal(1, await queue.ProcessDueAsync()); // failed over
        await backup.SetConditionsAsync(VirtualPrinterConditions.CoverOpen);
        await queue.EnqueueAsync(SampleData.Ticket("o-3"));
        Assert.Equal(0, await queue.ProcessDueAsync()); // delayed

        listener.RecordObservableInstruments();
        List<(string Name, long Value, string? Printer, string? Kind)> seen;
        lock (measurements)
        {
            seen = [.. measurements];
        }

        Assert.Single(seen, m => m.Name == "ordering.devices.jobs.printed" && m.Printer == primaryId);
        Assert.Single(seen, m => m.Name == "ordering.devices.jobs.printed" && m.Printer == backupId);
        Assert.Single(seen, m => m.Name == "ordering.devices.jobs.failover" && m.Printer == primaryId);
        Assert.Contains(seen, m => m.Name == "ordering.devices.jobs.failed");
        Assert.Contains(seen, m => m.Name == "ordering.devices.queue.depth" && m.Value >= 1);
        Assert.Single(seen, m => m.Name == "ordering.devices.status_events" && m.Printer == primaryId && m.Kind == "paper_out");
        Assert.Single(seen, m => m.Name == "ordering.devices.status_events" && m.Printer == backupId && m.Kind == "cover_open");

        List<Activity> stopped;
        lock (spans)
        {
            stopped = [.. spans.Where(s => s.OperationName == "ordering.devices.print" && (Equals(s.GetTagItem("printer"), primaryId) || Equals(s.GetTagItem("printer"), backupId)))];
        }

        Assert.Contains(stopped, s => Equals(s.GetTagItem("outcome"), "printed") && Equals(s.GetTagItem("job"), "o-1/hot/r1"));
        Assert.Contains(stopped, s => Equals(s.GetTagItem("outcome"), "failed_over") && Equals(s.GetTagItem("job"), "o-2/hot/r1"));
    }
}
