using System.Diagnostics;
using DemoRestaurant.Dashboard;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Chaos;

/// <summary>
/// Records each call's latency and outcome for the dashboard. In Fake mode it also plays the network for the in-process
/// fakes — added latency, requests lost before they arrive, answers lost after the gateway acted. In Sandbox mode it
/// injects nothing: the sandboxes inject every fault themselves (see <see cref="WeChatSandboxChaosHandler"/> and
/// <see cref="AlipaySandboxChaosHandler"/>), so what the engine recovers from is what a real gateway would send.
/// </summary>
internal sealed class ChaosPaymentChannel : IPaymentChannel
{
    private readonly IPaymentChannel _inner;
    private readonly ChaosDice? _network;
    private readonly DashboardState _stats;
    private readonly TimeProvider _time;

    /// <param name="inner">The channel.</param>
    /// <param name="network">The dice to play the network with, or <see langword="null"/> to only record (Sandbox mode).</param>
    /// <param name="stats">Where the calls are recorded.</param>
    /// <param name="time">The clock added latency waits on.</param>
    public ChaosPaymentChannel(IPaymentChannel inner, ChaosDice? network, DashboardState stats, TimeProvider time)
    {
        _inner = inner;
        _network = network;
        _stats = stats;
        _time = time;
    }

    public PaymentChannelId Id => _inner.Id;

    public ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken) =>
        CallAsync(PaymentOperation.Charge, token => _inner.ChargeAsync(request, token), cancellationToken);

    public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken) =>
        CallAsync(PaymentOperation.Query, token => _inner.QueryAsync(merchantOrderNumber, token), cancellationToken);

    public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken) =>
        CallAsync(PaymentOperation.Cancel, token => _inner.CancelAsync(merchantOrderNumber, token), cancellationToken);

    public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken) =>
        CallAsync(PaymentOperation.Refund, token => _inner.RefundAsync(request, token), cancellationToken);

    public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken) =>
        CallAsync(PaymentOperation.RefundQuery, token => _inner.QueryRefundAsync(merchantOrderNumber, refundNumber, token), cancellationToken);

    private async ValueTask<ChannelResult> CallAsync(PaymentOperation operation, Func<CancellationToken, ValueTask<ChannelResult>> call, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var drop = GatewayFault.None;
            if (_network is not null)
            {
                var latency = _network.Latency;
                if (latency > TimeSpan.Zero)
                {
                    await Task.Delay(latency, _time, cancellationToken);
                }

                drop = _network.NextDrop(Id);
            }

            if (drop == GatewayFault.DropBeforeProcessing)
            {
                outcome = "dropped";
                throw new TimeoutException("Request lost on the network before it reached the gateway (chaos).");
            }

            var result = await call(cancellationToken);
            if (drop == GatewayFault.DropAfterProcessing)
            {
                outcome = "dropped";
                throw new TimeoutException("The gateway acted but its answer was lost on the network (chaos).");
            }

            outcome = result.Outcome.ToString();
            return result;
        }
        finally
        {
            _stats.RecordCall(Id, operation, Stopwatch.GetElapsedTime(started), outcome);
        }
    }
}
