using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ordering.Sdk.Devices.Queue;

namespace Ordering.Sdk.Devices;

// Instruments on DevicesTelemetry.Meter. Tags: station, printer (configured ids, low cardinality), kind.
internal static class DevicesMetrics
{
    private static readonly Counter<long> Printed = DevicesTelemetry.Meter.CreateCounter<long>("ordering.devices.jobs.printed", description: "Print jobs confirmed printed, by station and printer.");
    private static readonly Counter<long> Failed = DevicesTelemetry.Meter.CreateCounter<long>("ordering.devices.jobs.failed", description: "Rounds in which no printer of the station could print the job (it stays queued), by station.");
    private static readonly Counter<long> FailedOver = DevicesTelemetry.Meter.CreateCounter<long>("ordering.devices.jobs.failover", description: "Jobs printed on the station's backup printer, by station and the printer that failed.");
    private static readonly Histogram<double> JobDuration = DevicesTelemetry.Meter.CreateHistogram<double>("ordering.devices.job.duration", unit: "s", description: "Time from queuing a job to its confirmed printing.");
    private static readonly Gauge<long> QueueDepth = DevicesTelemetry.Meter.CreateGauge<long>("ordering.devices.queue.depth", description: "Jobs due when a processing pass starts.");
    private static readonly Counter<long> StatusEvents = DevicesTelemetry.Meter.CreateCounter<long>("ordering.devices.status_events", description: "Printer alerts (paper out, cover open, offline, unreachable, …), by printer and kind.");

    public static void JobPrinted(string stationId, string printerId, TimeSpan sinceQueued)
    {
        var tags = new TagList { { "station", stationId }, { "printer", printerId } };
        Printed.Add(1, tags);
        JobDuration.Record(Math.Max(0, sinceQueued.TotalSeconds), tags);
    }

    public static void JobFailed(string stationId) => Failed.Add(1, new KeyValuePair<string, object?>("station", stationId));

    public static void JobFailedOver(string stationId, string failedPrinterId) =>
        FailedOver.Add(1, new TagList { { "station", stationId }, { "printer", failedPrinterId } });

    public static void Depth(int due) => QueueDepth.Record(due);

    public static void StatusEvent(string? printerId, PrinterAlertKind kind) =>
        StatusEvents.Add(1, new TagList { { "printer", printerId ?? string.Empty }, { "kind", KindTag(kind) } });

    public static string KindTag(PrinterAlertKind kind) => kind switch
    {
        PrinterAlertKind.PaperOut => "paper_out",
        PrinterAlertKind.CoverOpen => "cover_open",
        PrinterAlertKind.Offline => "offline",
        PrinterAlertKind.Unreachable => "unreachable",
        PrinterAlertKind.NotConfirmed => "not_confirmed",
        PrinterAlertKind.FailedOver => "failed_over",
        PrinterAlertKind.TicketDelayed => "ticket_delayed",
        PrinterAlertKind.TicketUncertain => "ticket_uncertain",
        _ => "other",
    };
}
