using System.Text;

namespace Ordering.Sdk.Testing.Alipay;

/// <summary>
/// A loopback HTTP endpoint that receives Alipay notifications for a test or demo host: each form body is
/// handed to a callback whose return value (normally <c>success</c> or <c>fail</c>) is the plain-text answer.
/// </summary>
public sealed class AlipayNotifyEndpoint : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;

    private AlipayNotifyEndpoint(Func<string, CancellationToken, ValueTask<string>> receive)
    {
        _server = LoopbackHttpServer.Start(async (request, token) =>
        {
            var reply = await receive(Encoding.UTF8.GetString(request.Body), token).ConfigureAwait(false);
            return new LoopbackHttpResponse(200, Encoding.UTF8.GetBytes(reply), "text/plain;charset=utf-8");
        });
    }

    /// <summary>Gets the URL to configure as the notify URL.</summary>
    public Uri NotifyUrl => new(_server.BaseAddress, "alipay/notify");

    /// <summary>Starts an endpoint on a free loopback port.</summary>
    /// <param name="receive">Receives the raw form body and returns the answer.</param>
    /// <returns>The running endpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="receive"/> is <see langword="null"/>.</exception>
    public static AlipayNotifyEndpoint Start(Func<string, CancellationToken, ValueTask<string>> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        return new AlipayNotifyEndpoint(receive);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
