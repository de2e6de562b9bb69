using System.Net;
using System.Net.Sockets;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// The merchant's callback endpoint in tests: hands each callback to a handler that returns the HTTP status.
internal sealed class NotifyReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<IReadOnlyDictionary<string, string>, byte[], Task<int>> _handler;
    private readonly Task _loop;

    public NotifyReceiver(Func<IReadOnlyDictionary<string, string>, byte[], Task<int>> handler)
    {
        _handler = handler;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/wechatpay/notify/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public List<(IReadOnlyDictionary<string, string> Headers, byte[] Body)> Received { get; } = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string? name in context.Request.Headers.Keys)
            {
                if (name is not null)
                {
                    headers[name] = context.Request.Headers[name] ?? string.Empty;
                }
            }

            var bytes = body.ToArray();
            lock (Received)
            {
                Received.Add((headers, bytes));
            }

            context.Response.StatusCode = await _handler(headers, bytes);
            context.Response.Close();
        }
    }
}
