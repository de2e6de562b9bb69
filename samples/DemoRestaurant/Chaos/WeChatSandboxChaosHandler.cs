using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing;

namespace DemoRestaurant.Chaos;

/// <summary>
/// Sits between the real WeChat Pay adapter and its socket and, for every request, turns the chaos panel's dice into
/// the WeChat Pay sandbox's own faults: its latency, drops before / after processing, HTTP 500 and SYSTEMERROR. The
/// adapter and the payment engine then see exactly what a misbehaving WeChat Pay would send them.
/// </summary>
/// <remarks>
/// The sandbox's fault queue serves whichever request arrives next; with concurrent requests a fault rolled for one
/// request can land on its neighbour. The rates hold; the pairing is exact only one request at a time. Customers are
/// not affected: each is set for its own trade (<see cref="WeChatPaySandbox.SetCustomer"/>).
/// </remarks>
internal sealed class WeChatSandboxChaosHandler : DelegatingHandler
{
    private readonly WeChatPaySandbox _sandbox;
    private readonly ChaosDice _dice;

    public WeChatSandboxChaosHandler(WeChatPaySandbox sandbox, ChaosDice dice)
        : base(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        _sandbox = sandbox;
        _dice = dice;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _sandbox.Latency = _dice.Latency;
        var fault = _dice.NextFault(PaymentChannelId.WeChatPay);
        WeChatPaySandboxFault? sandboxFault = fault switch
        {
            GatewayFault.DropBeforeProcessing => WeChatPaySandboxFault.DropBeforeProcessing,
            GatewayFault.DropAfterProcessing => WeChatPaySandboxFault.DropAfterProcessing,
            GatewayFault.ServerError => WeChatPaySandboxFault.ServerError,
            GatewayFault.SystemError => WeChatPaySandboxFault.SystemError,
            _ => null,
        };
        if (sandboxFault is { } injected)
        {
            _sandbox.EnqueueFault(injected);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
