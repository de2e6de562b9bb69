using Ordering.Sdk.Devices.Transports;

namespace Ordering.Sdk.Testing.Printing;

/// <summary>
/// An in-process printer that is its own <see cref="IPrinterTransport"/>: the same protocol as
/// <see cref="VirtualPrinter"/> (ESC/POS decoding, DLE EOT, GS r, GS ( H, ASB, held data while offline, buffer
/// clearing), with no sockets and no threads, so a print queue on a fake clock runs deterministically.
/// </summary>
/// <remarks>
/// Every operation completes synchronously except a read with nothing to read, which waits on the
/// <see cref="TimeProvider"/> given at construction; advancing a fake clock is the only thing that moves a
/// simulation forward, and the same seed gives the same run.
/// </remarks>
/// <threadsafety>Not thread-safe, like the transports it stands in for: one writer at a time.</threadsafety>
public sealed class SimulatedPrinter : IPrinterTransport
{
    private readonly EscPosInterpreter _interpreter;
    private readonly TimeProvider _timeProvider;
    private readonly List<byte> _inbound = [];
    private readonly List<byte> _responses = [];
    private bool _connected;
    private int _dropAfterBytes = -1;
    private int _paperOutAfterBytes = -1;

    /// <summary>Initializes a simulated printer.</summary>
    /// <param name="name">A name for test output.</param>
    /// <param name="timeProvider">The clock read timeouts wait on.</param>
    /// <param name="chineseModeAtPowerOn">Whether it starts in Chinese mode, as Chinese clones do.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public SimulatedPrinter(string name, TimeProvider timeProvider, bool chineseModeAtPowerOn = true)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Name = name;
        _timeProvider = timeProvider;
        _interpreter = new EscPosInterpreter(chineseModeAtPowerOn);
    }

    /// <summary>Gets the printer's name.</summary>
    public string Name { get; }

    /// <summary>Gets or sets a value indicating whether the printer can be reached at all (power, cable, network); an unreachable printer drops its connection.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IsReachable
    {
        get;
        set
        {
            field = value;
            if (!value && _connected)
            {
                LoseConnection();
            }
        }
    } = true;

    /// <summary>Gets the number of connections opened so far.</summary>
    public int Connections { get; private set; }

    /// <summary>Gets the current fault conditions.</summary>
    public VirtualPrinterConditions Conditions => _interpreter.Conditions;

    /// <summary>Gets everything printed so far.</summary>
    public IReadOnlyList<PrintedDocument> Documents => _interpreter.Documents;

    /// <summary>Gets the number of bytes received that were not a known command (should stay 0).</summary>
    public int UnknownCommandBytes => _interpreter.UnknownCommandBytes;

    /// <inheritdoc/>
    public bool CanRead => true;

    /// <summary>Puts the printer into <paramref name="conditions"/>; clearing a fault prints what was held, and an ASB message is sent if enabled.</summary>
    /// <param name="conditions">The new conditions.</param>
    public void SetConditions(VirtualPrinterConditions conditions)
    {
        _responses.Clear();
        _interpreter.SetConditions(conditions, _responses);
        if (_connected)
        {
            _inbound.AddRange(_responses);
        }
    }

    /// <summary>Drops the connection after receiving <paramref name="bytes"/> more bytes (once); the rest of the write is lost.</summary>
    /// <param name="bytes">Bytes to accept before dropping.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    public void DropConnectionAfter(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        _dropAfterBytes = bytes;
    }

    /// <summary>Runs out of paper after processing <paramref name="bytes"/> more bytes (once); the rest is held.</summary>
    /// <param name="bytes">Bytes to process before the paper runs out.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    public void RunOutOfPaperAfter(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        _paperOutAfterBytes = bytes;
    }

    /// <summary>Cancels a drop or paper-out scheduled with <see cref="DropConnectionAfter"/> or <see cref="RunOutOfPaperAfter"/> that has not happened yet.</summary>
    public void CancelScheduledFaults()
    {
        _dropAfterBytes = -1;
        _paperOutAfterBytes = -1;
    }

    /// <inheritdoc/>
    public ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsReachable)
        {
            return ValueTask.FromException(new IOException($"Simulated printer {Name} is unreachable."));
        }

        if (!_connected)
        {
            _connected = true;
            Connections++;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_connected)
        {
            return ValueTask.FromException(new IOException($"Simulated printer {Name}: not connected."));
        }

        var span = data.Span;
        var drop = false;
        if (_dropAfterBytes >= 0)
        {
            if (span.Length >= _dropAfterBytes)
            {
                span = span[.._dropAfterBytes];
                drop = true;
                _dropAfterBytes = -1;
            }
            else
            {
                _dropAfterBytes -= span.Length;
            }
        }

        _responses.Clear();
        if (_paperOutAfterBytes >= 0 && _paperOutAfterBytes < span.Length)
        {
            _interpreter.Receive(span[.._paperOutAfterBytes], _responses);
            _interpreter.SetConditions(_interpreter.Conditions | VirtualPrinterConditions.PaperOut, _responses);
            _interpreter.Receive(span[_paperOutAfterBytes..], _responses);
            _paperOutAfterBytes = -1;
        }
        else
        {
            if (_paperOutAfterBytes >= 0)
            {
                _paperOutAfterBytes -= span.Length;
            }

            _interpreter.Receive(span, _responses);
        }

        if (drop)
        {
            LoseConnection();
            return ValueTask.FromException(new IOException($"Simulated printer {Name} reset the connection."));
        }

        _inbound.AddRange(_responses);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_connected)
        {
            throw new IOException($"Simulated printer {Name}: not connected.");
        }

        if (_inbound.Count == 0)
        {
            await Task.Delay(timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            if (!_connected)
            {
                throw new IOException($"Simulated printer {Name} closed the connection.");
            }
        }

        var count = Math.Min(buffer.Length, _inbound.Count);
        for (var i = 0; i < count; i++)
        {
            buffer.Span[i] = _inbound[i];
        }

        _inbound.RemoveRange(0, count);
        return count;
    }

    /// <inheritdoc/>
    public ValueTask DisconnectAsync()
    {
        if (_connected)
        {
            LoseConnection();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => DisconnectAsync();

    private void LoseConnection()
    {
        _connected = false;
        _inbound.Clear();
        _interpreter.ConnectionLost();
    }
}
