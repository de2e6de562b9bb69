namespace Ordering.Sdk.Devices.Transports;

// A serial printer (RS-232 or USB virtual COM) through its device file: /dev/ttyS*, /dev/ttyUSB*, /dev/ttyACM*.
// The SDK takes no dependency on System.IO.Ports and runs no stty: baud rate, parity, flow control and raw mode
// are the host's to set (a udev rule, a systemd unit, or termios calls before the queue starts), because only the
// installer knows the printer's DIP switches. Unlike a USB printer-class device, a serial line always carries
// replies, so read access is required: status and completion signals are how a job is confirmed.
internal sealed class SerialPrinterTransport : IPrinterTransport
{
    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private FileStream? _stream;
    private Task<int>? _pendingRead;
    private Memory<byte> _readBuffer;

    public SerialPrinterTransport(string path, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _timeProvider = timeProvider;
    }

    public bool CanRead => true;

    public static bool IsSerialDevice(string path) =>
        path.StartsWith("/dev/tty", StringComparison.Ordinal) && !path.Equals("/dev/tty", StringComparison.Ordinal);

    public ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        if (_stream is not null)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            // Unbuffered, so a DLE EOT query leaves at once instead of waiting in a FileStream buffer.
            _stream = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 0, FileOptions.Asynchronous);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"Serial printer {_path} cannot be opened for reading and writing; add the service user to the dialout group.", e);
        }
        catch (FileNotFoundException e)
        {
            throw new IOException($"Serial printer {_path} does not exist (unplugged, or another device name).", e);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new IOException($"Serial printer {_path} is not open.");
        await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new IOException($"Serial printer {_path} is not open.");

        // A tty read blocks until a byte arrives; a read that timed out stays in flight and the next call takes its result.
        if (_pendingRead is null)
        {
            _readBuffer = buffer;
            _pendingRead = stream.ReadAsync(buffer, CancellationToken.None).AsTask();
        }

        var read = _pendingRead;
        var finished = await Task.WhenAny(read, Task.Delay(timeout, _timeProvider, cancellationToken)).ConfigureAwait(false);
        if (finished != read)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return 0;
        }

        _pendingRead = null;
        var count = await read.ConfigureAwait(false);
        if (count == 0)
        {
            await DisconnectAsync().ConfigureAwait(false);
            throw new IOException($"Serial printer {_path} hung up.");
        }

        if (!_readBuffer.Equals(buffer))
        {
            _readBuffer[..count].CopyTo(buffer);
        }

        return count;
    }

    public async ValueTask DisconnectAsync()
    {
        _pendingRead = null;
        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
            _stream = null;
        }
    }

    public ValueTask DisposeAsync() => DisconnectAsync();
}
