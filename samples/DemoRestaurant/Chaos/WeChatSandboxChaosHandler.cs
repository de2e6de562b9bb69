using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing;

namespace DemoRestaurant.Chaos;

/// <summary>
/// Sits between the real WeChat Pay adapter and its socket and, for every request, turns the chaos panel's dice into
/// the WeChat Pay sandbox's own faults: its latency, drops before / after processing, HTTP 500 and SYSTEMERROR. The
/// adapter and the payment engine then see exactly what a misbehaving WeChat Pay would send them.
/// </summary>
/// <remarks>
/// The sandbox's fault and customer queues serve whichever request arrives next; with concurrent requests a fault
/// rolled for one request can land on its neighbour. The rates hold; the pairing is exact only one request at a time.
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
        var reachesGateway = fault is not (GatewayFault.DropBeforeProcessing or GatewayFault.ServerError);
        if (PendingWeChatCustomer.Take() is { } customer && reachesGateway && IsNewCharge(request) && _sandbox.GetTrade(customer.OutTradeNo) is null)
        {
            _sandbox.EnqueueCustomer(customer.Customer);
        }

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

    // Trades are created by the order APIs (v3 codepay / jsapi / native …, v2 micropay), never by queries or closes.
    private static bool IsNewCharge(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        return request.Method == HttpMethod.Post
            && (path == "/pay/micropay"
                || (path.StartsWith("/v3/pay/transactions/", StringComparison.Ordinal) && !path.Contains("/out-trade-no/", StringComparison.Ordinal)));
    }
}
