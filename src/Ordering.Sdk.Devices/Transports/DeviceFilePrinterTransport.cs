namespace Ordering.Sdk.Devices.Transports;

// A character device such as /dev/usb/lp0 (Linux usblp). Reads are used when the device allows them;
// the user must be in the lp group.
internal sealed class DeviceFilePrinterTransport : IPrinterTransport
{
    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private FileStream? _stream;
    private bool _canRead;
    private Task<int>? _pendingRead;
    private Memory<byte> _readBuffer;

    public DeviceFilePrinterTransport(string path, TimeProvider timeProvider)
    {
        _path = path;
        _timeProvider = timeProvider;
    }

    public bool CanRead => _canRead;

    public ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        if (_stream is not null)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            _stream = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 0, FileOptions.Asynchronous);
            _canRead = true;
        }
        catch (UnauthorizedAccessException)
        {
            _stream = new FileStream(_path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 0, FileOptions.Asynchronous);
            _canRead = false;
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new IOException($"Printer device {_path} is not open.");
        await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new IOException($"Printer device {_path} is not open.");
        if (!_canRead)
        {
            return 0;
        }

        if (_pendingRead is null)
        {
            _readBuffer = buffer;
            _pendingRead = stream.ReadAsync(buffer, CancellationToken.None).AsTask();
        }

        var finished = await Task.WhenAny(_pendingRead, Task.Delay(timeout, _timeProvider, cancellationToken)).ConfigureAwait(false);
        if (finished != _pendingRead)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return 0;
        }

        var count = await _pendingRead.ConfigureAwait(false);
        _pendingRead = null;
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
