using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ordering.Sdk.Testing;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 for the payment sandboxes: each request is buffered and handed
/// to one handler, whose answer is written back, or the connection is reset to simulate a reply lost
/// after the request was processed.
/// </summary>
/// <remarks>
/// Written over a raw socket rather than <c>HttpListener</c> because a sandbox must be able to reset a
/// connection after processing, which <c>HttpListener</c> does not do reliably on every platform. One
/// request per connection (<c>Connection: close</c>), <c>Content-Length</c> and chunked bodies.
/// </remarks>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private readonly TcpListener _listener;
    private readonly Func<LoopbackHttpRequest, CancellationToken, ValueTask<LoopbackHttpResponse>> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    private LoopbackHttpServer(TcpListener listener, Func<LoopbackHttpRequest, CancellationToken, ValueTask<LoopbackHttpResponse>> handler)
    {
        _listener = listener;
        _handler = handler;
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        BaseAddress = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's address, ending with '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <param name="handler">Answers each request; an exception becomes a 500.</param>
    /// <returns>The running server.</returns>
    public static LoopbackHttpServer Start(Func<LoopbackHttpRequest, CancellationToken, ValueTask<LoopbackHttpResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 512);
        return new LoopbackHttpServer(listener, handler);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            socket.NoDelay = true;
            var stream = new NetworkStream(socket, ownsSocket: false);
            await using var streamScope = stream.ConfigureAwait(false);
            try
            {
                var request = await ReadRequestAsync(stream, _stopping.Token).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                LoopbackHttpResponse response;
                try
                {
                    response = await _handler(request, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    response = new LoopbackHttpResponse(500, Encoding.UTF8.GetBytes(ex.GetType().Name), "text/plain");
                }

                if (response.DropConnection)
                {
                    // Linger 0 makes Close send a reset: the client sees the connection die, not an empty reply.
                    socket.LingerState = new LingerOption(true, 0);
                    return;
                }

                await WriteResponseAsync(stream, response, _stopping.Token).ConfigureAwait(false);
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or FormatException)
            {
                // The client went away, the request was malformed or the server is stopping.
            }
        }
    }

    private static async Task<LoopbackHttpRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new BufferedReader(stream);
        var requestLine = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        if (parts.Length != 3)
        {
            throw new FormatException("Malformed request line.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? throw new FormatException("Headers ended early.");
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException("Malformed header.");
            }

            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await reader.ReadChunkedAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (headers.TryGetValue("Content-Length", out var lengthText))
        {
            var length = int.Parse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture);
            if (length > MaxBodyBytes)
            {
                throw new FormatException("Body too large.");
            }

            body = await reader.ReadExactlyAsync(length, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            body = [];
        }

        var target = parts[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];
        return new LoopbackHttpRequest(parts[0].ToUpperInvariant(), Uri.UnescapeDataString(path), query, headers, body);
    }

    private static async Task WriteResponseAsync(Stream stream, LoopbackHttpResponse response, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(response.StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(ReasonPhrase(response.StatusCode)).Append("\r\n");
        head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
        head.Append("Content-Length: ").Append(response.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("Connection: close\r\n");
        if (response.Headers is not null)
        {
            foreach (var (name, value) in response.Headers)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReasonPhrase(int statusCode) => statusCode switch
    {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };

    /// <summary>Reads lines and bodies from a stream through one buffer, so no byte is read twice or lost.</summary>
    private sealed class BufferedReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;
        private int _headerBytes;

        public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            using var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return line.Length == 0 ? null : Encoding.UTF8.GetString(line.ToArray());
                }

                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                var stop = newline < 0 ? _end : newline;
                line.Write(_buffer, _start, stop - _start);
                _headerBytes += stop - _start + 1;
                if (_headerBytes > MaxHeaderBytes)
                {
                    throw new FormatException("Header section too large.");
                }

                _start = newline < 0 ? _end : newline + 1;
                if (newline >= 0)
                {
                    var bytes = line.ToArray();
                    var length = bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
                    return Encoding.UTF8.GetString(bytes, 0, length);
                }
            }
        }

        public async ValueTask<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new IOException("The connection closed inside the body.");
                }

                var take = Math.Min(count - filled, _end - _start);
                Buffer.BlockCopy(_buffer, _start, result, filled, take);
                _start += take;
                filled += take;
            }

            return result;
        }

        public async ValueTask<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
        {
            using var body = new MemoryStream();
            while (true)
            {
                var sizeLine = await ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? throw new FormatException("Chunk size missing.");
                var semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
                var size = int.Parse(semicolon < 0 ? sizeLine : sizeLine[..semicolon], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while (!string.IsNullOrEmpty(await ReadLineAsync(cancellationToken).ConfigureAwait(false)))
                    {
                        // Trailers are not used by any sandbox; skip them.
                    }

                    return body.ToArray();
                }

                if (body.Length + size > MaxBodyBytes)
                {
                    throw new FormatException("Body too large.");
                }

                body.Write(await ReadExactlyAsync(size, cancellationToken).ConfigureAwait(false));
                await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            return _end > 0;
        }
    }
}
