using System.Net.Http;
using System.Net.Sockets;

namespace Ordering.Sdk.Payments;

// Which failures prove the request never reached WeChat Pay (DNS failure, refused connection, connect
// timeout) and may be sent to the backup address (api2, another city). Anything after the connection
// was made — a timeout, a reset, an empty reply — may have been processed and stays unknown.
internal static class WeChatPayFailover
{
    public const string PrimaryHost = "api.mch.weixin.qq.com";
    public const string BackupHost = "api2.mch.weixin.qq.com";

    // The configured backup, or api2 when the primary is WeChat Pay's own default; none for other hosts.
    public static Uri? BackupFor(WeChatPayOptions options)
    {
        if (options.BackupBaseAddress is { } configured)
        {
            return configured;
        }

        return options.BaseAddress is { IsAbsoluteUri: true } primary && string.Equals(primary.Host, PrimaryHost, StringComparison.OrdinalIgnoreCase)
            ? new UriBuilder(primary) { Host = BackupHost }.Uri
            : null;
    }

    public static bool NeverReachedServer(HttpRequestException exception)
    {
        if (exception.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return true;
        }

        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is WeChatPayConnectException)
            {
                return true;
            }

            if (exception.HttpRequestError == HttpRequestError.ConnectionError && inner is SocketException socket && IsConnectError(socket.SocketErrorCode))
            {
                return true;
            }
        }

        return false;
    }

    // The connect step of the handlers the channel creates: a failure here is marked as "never sent".
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
        {
            socket.Dispose();
            throw new WeChatPayConnectException("Could not connect to " + context.DnsEndPoint.Host + ".", ex);
        }
    }

    private static bool IsConnectError(SocketError error) => error is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
        or SocketError.NetworkUnreachable or SocketError.TimedOut or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable;
}
