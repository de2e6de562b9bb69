using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Status;
using Ordering.Sdk.Devices.Transports;

namespace Ordering.Sdk.Devices.Queue;

// One printer, one writer at a time. A job counts as printed only when the printer's completion signal
// (GS ( H echo or GS r reply) comes back — never because the socket write returned.
internal sealed class PrinterSession : IAsyncDisposable
{
    // GS a 0x0F: report drawer, online/offline, error and roll-paper changes (bits 0-3).
    private static readonly byte[] EnableAsb = [0x1D, 0x61, 0x0F];
    private static readonly byte[] ClearBuffers = [0x10, 0x14, 0x08, 0x01, 0x03, 0x14, 0x01, 0x06, 0x02, 0x08, 0x10, 0x05, 0x02];

    private readonly IPrinterTransport _transport;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PrinterResponseReader _reader = new();
    private readonly byte[] _readBuffer = new byte[64];
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _statusTimeout;
    private readonly TimeSpan _completionTimeout;

    public PrinterSession(PrinterDefinition definition, IPrinterTransport transport, TimeProvider timeProvider, TimeSpan statusTimeout, TimeSpan completionTimeout)
    {
        Definition = definition;
        _transport = transport;
        _timeProvider = timeProvider;
        _statusTimeout = statusTimeout;
        _completionTimeout = completionTimeout;
    }

    public PrinterDefinition Definition { get; }

    public PrinterProfile Profile => Definition.Profile;

    /// <summary>Raised for every Automatic Status Back message the printer sends while a job runs.</summary>
    public event Action<PrinterSession, PrinterStatus>? StatusReported;

    /// <summary>Sends <paramref name="job"/> (which must end with the completion request for <paramref name="processId"/>) and waits for confirmation.</summary>
    public async Task<PrintOutcome> PrintAsync(ReadOnlyMemory<byte> job, uint processId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                await _transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
            {
                return new PrintOutcome(PrintOutcomeKind.Unreachable, default, e.Message);
            }

            var sent = false;
            try
            {
                if (_transport.CanRead)
                {
                    if (Profile.AutomaticStatusBack)
                    {
                        await _transport.WriteAsync(EnableAsb, cancellationToken).ConfigureAwait(false);
                    }

                    var status = await QueryStatusAsync(cancellationToken).ConfigureAwait(false);
                    if (status is null)
                    {
                        await _transport.DisconnectAsync().ConfigureAwait(false);
                        return new PrintOutcome(PrintOutcomeKind.Unreachable, default, "The printer did not answer the status query (DLE EOT).");
                    }

                    if (!status.Value.IsReady)
                    {
                        return new PrintOutcome(PrintOutcomeKind.NotReady, status.Value, $"The printer is not ready: {status.Value}.");
                    }
                }

                sent = true;
                await _transport.WriteAsync(job, cancellationToken).ConfigureAwait(false);
                if (!_transport.CanRead)
                {
                    // Without a read-back channel nothing can be confirmed; the queue treats this as unconfirmed.
                    return new PrintOutcome(PrintOutcomeKind.Unconfirmed, default, "The transport cannot read the completion signal.");
                }

                if (await WaitForCompletionAsync(processId, cancellationToken).ConfigureAwait(false))
                {
                    return new PrintOutcome(PrintOutcomeKind.Printed, default, null);
                }

                var after = await QueryStatusAsync(cancellationToken).ConfigureAwait(false);
                return new PrintOutcome(PrintOutcomeKind.Unconfirmed, after ?? default, after is null
                    ? "No completion signal and no status reply."
                    : $"No completion signal; printer status: {after.Value}.");
            }
            catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                await _transport.DisconnectAsync().ConfigureAwait(false);
                return new PrintOutcome(sent ? PrintOutcomeKind.Unconfirmed : PrintOutcomeKind.Unreachable, default, e.Message);
            }
            finally
            {
                if (Definition.DisconnectAfterJob)
                {
                    await _transport.DisconnectAsync().ConfigureAwait(false);
                    _reader.Clear();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Best effort: clears the printer's receive and print buffers so a job it holds is never printed late (DLE DC4 8, then DLE ENQ 2).</summary>
    public async Task<bool> TryClearBuffersAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await _transport.WriteAsync(ClearBuffers, cancellationToken).ConfigureAwait(false);
            if (_transport.CanRead)
            {
                // Drain the acknowledgement (37 25 00) if the model sends one; not every clone does.
                await ReadUntilAsync(static r => r.Kind == PrinterResponseKind.BufferCleared, _statusTimeout, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            await _transport.DisconnectAsync().ConfigureAwait(false);
            _reader.Clear();
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<PrinterStatus?> QueryStatusAsync(CancellationToken cancellationToken)
    {
        var values = new byte[4];
        for (byte n = 1; n <= 4; n++)
        {
            await _transport.WriteAsync(new byte[] { 0x10, 0x04, n }, cancellationToken).ConfigureAwait(false);
            var reply = await ReadUntilAsync(static r => r.Kind == PrinterResponseKind.RealTimeStatus, _statusTimeout, cancellationToken).ConfigureAwait(false);
            if (reply is null)
            {
                return null;
            }

            values[n - 1] = reply.Value.Value;
        }

        return PrinterStatus.FromRealTimeReplies(values[0], values[1], values[2], values[3]);
    }

    private async Task<bool> WaitForCompletionAsync(uint processId, CancellationToken cancellationToken)
    {
        var byProcessId = Profile.CompletionSignal == CompletionSignal.ProcessId;
        // An ASB message saying the printer stopped (paper out, cover open, offline) ends the wait: the job cannot
        // complete until staff act, and the queue should clear and fail over now rather than at the timeout.
        var reply = await ReadUntilAsync(
            r => (byProcessId ? r.Kind == PrinterResponseKind.ProcessId && r.ProcessId == processId : r.Kind == PrinterResponseKind.PaperSensor)
                || (r.Kind == PrinterResponseKind.AutomaticStatus && !r.Status.IsReady),
            _completionTimeout,
            cancellationToken).ConfigureAwait(false);
        return reply is { Kind: not PrinterResponseKind.AutomaticStatus };
    }

    private async Task<PrinterResponse?> ReadUntilAsync(Func<PrinterResponse, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _timeProvider.GetTimestamp() + (long)(timeout.TotalSeconds * _timeProvider.TimestampFrequency);
        while (true)
        {
            while (_reader.TryRead(out var response))
            {
                if (response.Kind == PrinterResponseKind.AutomaticStatus)
                {
                    StatusReported?.Invoke(this, response.Status);
                }

                if (match(response))
                {
                    return response;
                }
            }

            var remaining = TimeSpan.FromSeconds((double)(deadline - _timeProvider.GetTimestamp()) / _timeProvider.TimestampFrequency);
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            var read = await _transport.ReadAsync(_readBuffer, remaining, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _reader.Append(_readBuffer.AsSpan(0, read));
        }
    }
}
