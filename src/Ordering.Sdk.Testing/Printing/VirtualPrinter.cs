using System.Net;
using System.Net.Sockets;

namespace Ordering.Sdk.Testing.Printing;

/// <summary>
/// A receipt printer on loopback TCP that speaks ESC/POS: it decodes what it receives (Chinese mode GB18030
/// included) into <see cref="PrintedDocument"/>s, answers DLE EOT, GS r, GS ( H and Automatic Status Back,
/// and can be put into paper-out, cover-open, offline or silent states, or told to drop the connection in
/// the middle of a job.
/// </summary>
/// <remarks>
/// Like most non-Epson printers it serves one connection at a time. While offline it holds non-real-time
/// data in its receive buffer and prints it when the fault clears, unless the host cleared the buffer with
/// DLE DC4 8 or DLE ENQ 2 — exactly the duplicate-ticket hazard a failover must handle.
/// </remarks>
/// <threadsafety>All members are safe to call from any thread.</threadsafety>
public sealed class VirtualPrinter : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly EscPosInterpreter _interpreter;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _documentArrived = new(0);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Task? _acceptLoop;
    private NetworkStream? _current;
    private int _dropAfterBytes = -1;
    private int _paperOutAfterBytes = -1;
    private int _connections;
    private int _disposed;

    private VirtualPrinter(string name, bool chineseModeAtPowerOn)
    {
        Name = name;
        _interpreter = new EscPosInterpreter(chineseModeAtPowerOn);
        _listener = new TcpListener(IPAddress.Loopback, 0);
    }

    /// <summary>Gets the printer's name, for test output.</summary>
    public string Name { get; }

    /// <summary>Gets the loopback port the printer listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Gets the number of connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Gets the current fault conditions.</summary>
    public VirtualPrinterConditions Conditions
    {
        get
        {
            lock (_gate)
            {
                return _interpreter.Conditions;
            }
        }
    }

    /// <summary>Gets a snapshot of everything printed so far.</summary>
    public IReadOnlyList<PrintedDocument> Documents
    {
        get
        {
            lock (_gate)
            {
                return [.. _interpreter.Documents];
            }
        }
    }

    /// <summary>Gets the number of bytes received that were not a command the printer knows (should stay 0).</summary>
    public int UnknownCommandBytes
    {
        get
        {
            lock (_gate)
            {
                return _interpreter.UnknownCommandBytes;
            }
        }
    }

    /// <summary>Starts a virtual printer on 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="name">A name for test output.</param>
    /// <param name="chineseModeAtPowerOn">Whether it starts in Chinese mode, as Chinese clones do.</param>
    /// <returns>The running printer; dispose it to stop.</returns>
    public static VirtualPrinter Start(string name = "virtual", bool chineseModeAtPowerOn = true)
    {
        var printer = new VirtualPrinter(name, chineseModeAtPowerOn);
        printer._listener.Start(backlog: 8);
        printer._acceptLoop = printer.AcceptLoopAsync(printer._stop.Token);
        return printer;
    }

    /// <summary>Puts the printer into <paramref name="conditions"/> (replacing the previous ones); clearing a fault prints what was held.</summary>
    /// <param name="conditions">The new conditions.</param>
    /// <param name="cancellationToken">Cancels sending the resulting status bytes.</param>
    /// <returns>A task that completes once any status change has been sent.</returns>
    public async Task SetConditionsAsync(VirtualPrinterConditions conditions, CancellationToken cancellationToken = default)
    {
        var responses = new List<byte>();
        NetworkStream? stream;
        int before;
        lock (_gate)
        {
            before = _interpreter.Documents.Count;
            _interpreter.SetConditions(conditions, responses);
            stream = _current;
        }

        Signal(before);
        await SendAsync(stream, responses, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection after receiving <paramref name="bytes"/> more bytes (once); the rest of the job is lost in transit.</summary>
    /// <param name="bytes">Bytes to accept before dropping.</param>
    public void DropConnectionAfter(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Volatile.Write(ref _dropAfterBytes, bytes);
    }

    /// <summary>Runs out of paper after receiving <paramref name="bytes"/> more bytes (once): the rest of the job is held, as on a real printer.</summary>
    /// <param name="bytes">Bytes to process before the paper runs out.</param>
    public void RunOutOfPaperAfter(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Volatile.Write(ref _paperOutAfterBytes, bytes);
    }

    /// <summary>Waits until at least <paramref name="count"/> cut documents have been printed.</summary>
    /// <param name="count">The number of documents.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns><see langword="true"/> if they were printed in time.</returns>
    public async Task<bool> WaitForDocumentsAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (Documents.Count(d => d.IsCut) < count)
        {
            try
            {
                await _documentArrived.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return Documents.Count(d => d.IsCut) >= count;
            }
        }

        return true;
    }

    /// <summary>Stops listening and closes the current connection.</summary>
    /// <returns>A task that completes when the printer has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        lock (_gate)
        {
            _current?.Dispose();
        }

        if (_acceptLoop is not null)
        {
            try
            {
                await _acceptLoop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
        _documentArrived.Dispose();
        _writeLock.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            using (client)
            {
                await ServeAsync(client, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        client.NoDelay = true;
        var stream = client.GetStream();
        lock (_gate)
        {
            _current = stream;
        }

        var buffer = new byte[4096];
        var responses = new List<byte>();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var drop = false;
                var dropAfter = Volatile.Read(ref _dropAfterBytes);
                if (dropAfter >= 0)
                {
                    if (read >= dropAfter)
                    {
                        read = dropAfter;
                        drop = true;
                        Volatile.Write(ref _dropAfterBytes, -1);
                    }
                    else
                    {
                        Volatile.Write(ref _dropAfterBytes, dropAfter - read);
                    }
                }

                responses.Clear();
                int before;
                lock (_gate)
                {
                    before = _interpreter.Documents.Count;
                    var paperOutAfter = Volatile.Read(ref _paperOutAfterBytes);
                    if (paperOutAfter >= 0 && paperOutAfter < read)
                    {
                        Volatile.Write(ref _paperOutAfterBytes, -1);
                        _interpreter.Receive(buffer.AsSpan(0, paperOutAfter), responses);
                        _interpreter.SetConditions(_interpreter.Conditions | VirtualPrinterConditions.PaperOut, responses);
                        _interpreter.Receive(buffer.AsSpan(paperOutAfter, read - paperOutAfter), responses);
                    }
                    else
                    {
                        if (paperOutAfter >= 0)
                        {
                            Volatile.Write(ref _paperOutAfterBytes, paperOutAfter - read);
                        }

                        _interpreter.Receive(buffer.AsSpan(0, read), responses);
                    }
                }

                Signal(before);
                if (drop)
                {
                    client.Client.LingerState = new LingerOption(true, 0); // reset, like a power cut
                    break;
                }

                await SendAsync(stream, responses, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The host went away or the test is over; what was received so far stands.
        }
        finally
        {
            lock (_gate)
            {
                _current = null;
                _interpreter.ConnectionLost();
            }
        }
    }

    private void Signal(int documentsBefore)
    {
        int after;
        lock (_gate)
        {
            after = _interpreter.Documents.Count;
        }

        if (after > documentsBefore)
        {
            _documentArrived.Release(after - documentsBefore);
        }
    }

    private async Task SendAsync(NetworkStream? stream, List<byte> responses, CancellationToken cancellationToken)
    {
        if (stream is null || responses.Count == 0)
        {
            return;
        }

        var bytes = responses.ToArray();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // The host disconnected; status is re-read on the next connection.
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
