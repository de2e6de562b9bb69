using System.Buffers;
using System.Buffers.Binary;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Layouts;
using Ordering.Sdk.Devices.Status;
using Ordering.Sdk.Devices.Transports;
using Ordering.Sdk.Kitchen;
using Polly;
using Polly.Retry;

namespace Ordering.Sdk.Devices.Queue;

// The print worker. One round of a job: primary printer with retries (Polly, exponential backoff on the
// injected TimeProvider) → if it never confirmed, clear its buffers so it cannot print the job late →
// backup printer with a "BACKUP FROM" header → if that fails too, back to Pending for a later round.
// The outbox is updated before and after every round, so nothing is ever dropped.
internal sealed class PrintQueue : IPrintQueue, IAsyncDisposable
{
    private readonly PrintQueueOptions _options;
    private readonly IPrintOutbox _outbox;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, PrinterSession> _printers;
    private readonly Dictionary<string, KitchenStation> _stations;
    private readonly Dictionary<string, PrinterAlertKind> _lastAlert = new(StringComparer.Ordinal);
    private readonly ResiliencePipeline<PrintOutcome> _retry;
    private readonly SemaphoreSlim _processing = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(8192);
    private int _processId;

    public PrintQueue(PrintQueueOptions options, IPrintOutbox outbox, TimeProvider timeProvider, Func<PrinterDefinition, IPrinterTransport>? transportFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _options = options;
        _outbox = outbox;
        _timeProvider = timeProvider;
        transportFactory ??= CreateTransport;
        _printers = options.Printers.ToDictionary(
            p => p.Id,
            p => new PrinterSession(p, transportFactory(p), timeProvider, options.StatusTimeout, options.CompletionTimeout),
            StringComparer.Ordinal);
        _stations = options.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var printer in _printers.Values)
        {
            printer.StatusReported += OnStatusReported;
        }

        var builder = new ResiliencePipelineBuilder<PrintOutcome> { TimeProvider = timeProvider };
        if (options.AttemptsPerPrinter > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<PrintOutcome>
            {
                MaxRetryAttempts = options.AttemptsPerPrinter - 1,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is null && !args.Outcome.Result.IsPrinted),
            });
        }

        _retry = builder.Build();
    }

    public event EventHandler<PrinterAlertEventArgs>? Alert;

    public async ValueTask<bool> EnqueueAsync(KitchenTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!_stations.ContainsKey(ticket.StationId))
        {
            throw new ArgumentException($"Kitchen station '{ticket.StationId}' is not configured in PrintQueueOptions.Stations.", nameof(ticket));
        }

        var now = _timeProvider.GetUtcNow();
        var key = new PrintJobKey(ticket.OrderId, ticket.StationId, ticket.Revision);
        return await _outbox.TryAddAsync(new PrintJob(key, ticket, PrintJobState.Pending, now, now), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<PrintJobKey> ReprintAsync(string orderId, string stationId, int revision, CancellationToken cancellationToken = default)
    {
        var original = await _outbox.FindAsync(new PrintJobKey(orderId, stationId, revision), cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No kitchen ticket {orderId}/{stationId}/r{revision} was ever queued.");
        var now = _timeProvider.GetUtcNow();
        for (var copy = 1; ; copy++)
        {
            var key = original.Key with { Reprint = copy };
            if (await _outbox.TryAddAsync(new PrintJob(key, original.Ticket.AsReprint(), PrintJobState.Pending, now, now), cancellationToken).ConfigureAwait(false))
            {
                return key;
            }
        }
    }

    public async ValueTask<int> RecoverAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var printing = await _outbox.GetByStateAsync(PrintJobState.Printing, cancellationToken).ConfigureAwait(false);
        var interrupted = printing.Where(j => j.LeaseUntil is not { } lease || lease <= now).ToList();
        foreach (var job in interrupted)
        {
            await _outbox.UpdateAsync(job with { State = PrintJobState.NeedsAttention, LastError = "Interrupted while printing; it may or may not have printed.", LeaseUntil = null }, cancellationToken).ConfigureAwait(false);
            Raise(PrinterAlertKind.TicketUncertain, null, job.Key, default, $"Ticket {job.Key} was interrupted while printing; check the kitchen and reprint if it is missing.");
        }

        return interrupted.Count;
    }

    public async ValueTask<int> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        await _processing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RecoverAsync(cancellationToken).ConfigureAwait(false);
            var printed = 0;
            var due = await _outbox.GetDueAsync(_timeProvider.GetUtcNow(), 64, cancellationToken).ConfigureAwait(false);
            DevicesMetrics.Depth(due.Count);
            foreach (var job in due)
            {
                if (await ProcessJobAsync(job, cancellationToken).ConfigureAwait(false))
                {
                    printed++;
                }
            }

            return printed;
        }
        finally
        {
            _processing.Release();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ProcessDueAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(_options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var printer in _printers.Values)
        {
            await printer.DisposeAsync().ConfigureAwait(false);
        }

        _processing.Dispose();
    }

    private async Task<bool> ProcessJobAsync(PrintJob job, CancellationToken cancellationToken)
    {
        var station = _stations[job.Key.StationId];
        var claimed = await _outbox.TryClaimAsync(job.Key, job.Attempts, _timeProvider.GetUtcNow() + _options.JobLease, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return false; // another worker (another process sharing the outbox) took this round
        }

        job = claimed;
        using var activity = DevicesTelemetry.ActivitySource.StartActivity("ordering.devices.print");
        activity?.SetTag("job", job.Key.ToString());
        activity?.SetTag("station", station.Id);
        activity?.SetTag("attempt", job.Attempts);

        var primary = _printers[station.PrimaryPrinterId];
        var outcome = await PrintOnAsync(primary, job, station, backupFrom: null, cancellationToken).ConfigureAwait(false);
        if (outcome.IsPrinted)
        {
            await MarkPrintedAsync(job, primary, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("printer", primary.Definition.Id);
            activity?.SetTag("outcome", "printed");
            return true;
        }

        if (station.BackupPrinterId is { } backupId)
        {
            var backup = _printers[backupId];
            var onBackup = await PrintOnAsync(backup, job, station, backupFrom: primary.Definition.Name, cancellationToken).ConfigureAwait(false);
            if (onBackup.IsPrinted)
            {
                await MarkPrintedAsync(job, backup, cancellationToken).ConfigureAwait(false);
                DevicesMetrics.JobFailedOver(station.Id, primary.Definition.Id);
                activity?.SetTag("printer", backup.Definition.Id);
                activity?.SetTag("outcome", "failed_over");
                Raise(PrinterAlertKind.FailedOver, primary.Definition.Id, job.Key, outcome.Status, $"Ticket {job.Key} was printed on backup printer {backup.Definition.Name} because {primary.Definition.Name} failed: {outcome.Error}");
                return true;
            }

            outcome = onBackup;
        }

        DevicesMetrics.JobFailed(station.Id);
        activity?.SetTag("outcome", "delayed");
        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, outcome.Error);
        var retryAt = _timeProvider.GetUtcNow() + _options.RequeueDelay;
        await _outbox.UpdateAsync(job with { State = PrintJobState.Pending, NextAttemptAt = retryAt, LastError = outcome.Error, LeaseUntil = null }, cancellationToken).ConfigureAwait(false);
        Raise(PrinterAlertKind.TicketDelayed, station.PrimaryPrinterId, job.Key, outcome.Status, $"Ticket {job.Key} for {station.Name} could not be printed ({outcome.Error}); retrying at {retryAt:HH:mm:ss}.");
        return false;
    }

    // Every attempt on one printer, with retries; a printer that may hold an unconfirmed copy is cleared
    // before the job moves on, so it cannot print it late as a duplicate.
    private async Task<PrintOutcome> PrintOnAsync(PrinterSession printer, PrintJob job, KitchenStation station, string? backupFrom, CancellationToken cancellationToken)
    {
        var mayHoldCopy = false;
        var outcome = await _retry.ExecuteAsync(
            async token =>
            {
                var result = await SendOnceAsync(printer, job, station, backupFrom, token).ConfigureAwait(false);
                mayHoldCopy |= result.Kind == PrintOutcomeKind.Unconfirmed;
                if (!result.IsPrinted)
                {
                    AlertFor(printer, result, job.Key);
                }

                return result;
            },
            cancellationToken).ConfigureAwait(false);

        if (outcome.IsPrinted)
        {
            _lastAlert.Remove(printer.Definition.Id);
        }
        else if (mayHoldCopy && !await printer.TryClearBuffersAsync(cancellationToken).ConfigureAwait(false))
        {
            Raise(PrinterAlertKind.NotConfirmed, printer.Definition.Id, job.Key, outcome.Status, $"Printer {printer.Definition.Name} could not be cleared; if it prints ticket {job.Key} later, it is a duplicate.");
        }

        return outcome;
    }

    private async Task<PrintOutcome> SendOnceAsync(PrinterSession printer, PrintJob job, KitchenStation station, string? backupFrom, CancellationToken cancellationToken)
    {
        // A fresh process ID per attempt: a late echo of an earlier attempt can never confirm this one.
        Span<byte> processId = stackalloc byte[4];
        var n = (uint)Interlocked.Increment(ref _processId);
        for (var i = 0; i < 4; i++)
        {
            processId[i] = (byte)(0x21 + (n % 94));
            n /= 94;
        }

        _buffer.ResetWrittenCount();
        var writer = new EscPosWriter(_buffer, printer.Profile);
        KitchenTicketLayout.Write(writer, job.Ticket, station.Name, backupFrom);
        writer.RequestCompletion(processId);
        return await printer.PrintAsync(_buffer.WrittenMemory, BinaryPrimitives.ReadUInt32LittleEndian(processId), cancellationToken).ConfigureAwait(false);
    }

    private async Task MarkPrintedAsync(PrintJob job, PrinterSession printer, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        DevicesMetrics.JobPrinted(job.Key.StationId, printer.Definition.Id, now - job.CreatedAt);
        await _outbox.UpdateAsync(
            job with { State = PrintJobState.Printed, PrintedOn = printer.Definition.Id, PrintedAt = now, LastError = null, LeaseUntil = null },
            CancellationToken.None).ConfigureAwait(false); // printed is printed: record it even if the host is stopping
    }

    private void AlertFor(PrinterSession printer, PrintOutcome outcome, PrintJobKey job)
    {
        var c = outcome.Status.Conditions;
        var kind = outcome.Kind switch
        {
            PrintOutcomeKind.Unreachable => PrinterAlertKind.Unreachable,
            _ when (c & PrinterConditions.PaperEnd) != 0 => PrinterAlertKind.PaperOut,
            _ when (c & PrinterConditions.CoverOpen) != 0 => PrinterAlertKind.CoverOpen,
            PrintOutcomeKind.NotReady => PrinterAlertKind.Offline,
            _ => PrinterAlertKind.NotConfirmed,
        };

        // Hysteresis: one alert per printer per problem, not one per retry.
        if (_lastAlert.TryGetValue(printer.Definition.Id, out var last) && last == kind)
        {
            return;
        }

        _lastAlert[printer.Definition.Id] = kind;
        Raise(kind, printer.Definition.Id, job, outcome.Status, $"Printer {printer.Definition.Name}: {outcome.Error}");
    }

    // Automatic Status Back: the printer reported a change by itself while a job ran. Faults become alerts at once
    // (with the same one-per-problem hysteresis); a ready report ends the current problem.
    private void OnStatusReported(PrinterSession printer, PrinterStatus status)
    {
        var c = status.Conditions;
        PrinterAlertKind? kind = (c & PrinterConditions.PaperEnd) != 0 ? PrinterAlertKind.PaperOut
            : (c & PrinterConditions.CoverOpen) != 0 ? PrinterAlertKind.CoverOpen
            : !status.IsReady ? PrinterAlertKind.Offline
            : null;
        if (kind is null)
        {
            _lastAlert.Remove(printer.Definition.Id);
            return;
        }

        if (_lastAlert.TryGetValue(printer.Definition.Id, out var last) && last == kind)
        {
            return;
        }

        _lastAlert[printer.Definition.Id] = kind.Value;
        Raise(kind.Value, printer.Definition.Id, null, status, $"Printer {printer.Definition.Name} reports {status}.");
    }

    private void Raise(PrinterAlertKind kind, string? printerId, PrintJobKey? job, PrinterStatus status, string message)
    {
        DevicesMetrics.StatusEvent(printerId, kind);
        Alert?.Invoke(this, new PrinterAlertEventArgs(kind, printerId, job, status, message));
    }

    private IPrinterTransport CreateTransport(PrinterDefinition printer) => printer.Host is { } host
        ? new TcpPrinterTransport(host, printer.Port, _options.ConnectTimeout, _options.WriteTimeout, _timeProvider)
        : SerialPrinterTransport.IsSerialDevice(printer.DevicePath!) ? new SerialPrinterTransport(printer.DevicePath!, _timeProvider)
        : new DeviceFilePrinterTransport(printer.DevicePath!, _timeProvider);
}
