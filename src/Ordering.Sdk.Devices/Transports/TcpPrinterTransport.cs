using System.Net.Sockets;

namespace Ordering.Sdk.Devices.Transports;

// Raw TCP (port 9100). Timeouts run on the injected TimeProvider so tests can control them.
internal sealed class TcpPrinterTransport : IPrinterTransport
{
    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeSpan _writeTimeout;
    private readonly TimeProvider _timeProvider;
    private TcpClient? _client;
    private NetworkStream? _stream;
    private Task<int>? _pendingRead;
    private Memory<byte> _readBuffer;

    public TcpPrinterTransport(string host, int port, TimeSpan connectTimeout, TimeSpan writeTimeout, TimeProvider timeProvider)
    {
        _host = host;
        _port = port;
        _connectTimeout = connectTimeout;
        _writeTimeout = writeTimeout;
        _timeProvider = timeProvider;
    }

    public bool CanRead => true;

    public async ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client is { Connected: true })
        {
            return;
        }

        await DisconnectAsync().ConfigureAwait(false);
        var client = new TcpClient { NoDelay = true };
        using var timeout = new CancellationTokenSource(_connectTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.ConnectAsync(_host, _port, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new TimeoutException($"Connecting to printer {_host}:{_port} took longer than {_connectTimeout.TotalSeconds:0.###} s.");
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        _stream = client.GetStream();
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new IOException("The printer connection is not open.");
        using var timeout = new CancellationTokenSource(_writeTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await stream.WriteAsync(data, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await DisconnectAsync().ConfigureAwait(false);
            throw new TimeoutException($"Writing to printer {_host}:{_port} took longer than {_writeTimeout.TotalSeconds:0.###} s.");
        }
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new IOException("The printer connection is not open.");

        // A read that timed out stays in flight (cancelling a socket read may close the socket); the next
        // call picks up its result instead of starting a second read.
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
        int count;
        try
        {
            count = await read.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            await DisconnectAsync().ConfigureAwait(false);
            throw new IOException($"Printer {_host}:{_port} connection failed while reading.", e);
        }

        if (count == 0)
        {
            await DisconnectAsync().ConfigureAwait(false);
            throw new IOException($"Printer {_host}:{_port} closed the connection.");
        }

        if (!_readBuffer.Equals(buffer))
        {
            _readBuffer[..count].CopyTo(buffer);
        }

        return count;
    }

    public ValueTask DisconnectAsync()
    {
        _pendingRead = null;
        _stream?.Dispose();
        _client?.Dispose();
        _stream = null;
        _client = null;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => DisconnectAsync();
}
