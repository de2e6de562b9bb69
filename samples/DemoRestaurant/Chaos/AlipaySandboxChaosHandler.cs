using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing.Alipay;

namespace DemoRestaurant.Chaos;

/// <summary>
/// Sits between the real Alipay adapter and its socket and, for every gateway call, turns the chaos panel's dice into
/// the Alipay sandbox's own faults: held-back answers (latency), drops after processing, HTTP 502 and ACQ.SYSTEM_ERROR.
/// </summary>
/// <remarks>
/// The Alipay sandbox cannot lose a request before processing it, so that one fault is made here, on the wire: the
/// request never leaves and the adapter sees a connection error. The sandbox takes one fault per call, so a call that
/// also fails gets its latency here too.
/// </remarks>
internal sealed class AlipaySandboxChaosHandler : DelegatingHandler
{
    private readonly AlipaySandbox _sandbox;
    private readonly ChaosDice _dice;
    private readonly TimeProvider _time;

    public AlipaySandboxChaosHandler(AlipaySandbox sandbox, ChaosDice dice, TimeProvider time)
        : base(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        _sandbox = sandbox;
        _dice = dice;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Post)
        {
            // Bill downloads (GET) bypass the sandbox's fault queue; a fault queued for them would hit the next call.
            return await base.SendAsync(request, cancellationToken);
        }

        var fault = _dice.NextFault(PaymentChannelId.Alipay);
        var latency = _dice.Latency;
        if (fault != GatewayFault.None && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, _time, cancellationToken);
        }

        AlipaySandboxFault? injected = fault switch
        {
            GatewayFault.DropBeforeProcessing => throw new HttpRequestException(HttpRequestError.ConnectionError, "The connection was reset before the request reached Alipay (chaos)."),
            GatewayFault.DropAfterProcessing => new AlipaySandboxFault(AlipaySandboxFaultKind.DropAfterProcessing),
            GatewayFault.ServerError => new AlipaySandboxFault(AlipaySandboxFaultKind.ServerError),
            GatewayFault.SystemError => new AlipaySandboxFault(AlipaySandboxFaultKind.SystemError),
            _ when latency > TimeSpan.Zero => new AlipaySandboxFault(AlipaySandboxFaultKind.Latency, Delay: latency),
            _ => null,
        };
        if (injected is not null)
        {
            _sandbox.InjectFault(injected);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
