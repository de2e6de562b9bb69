using System.Diagnostics;
using DemoRestaurant.Dashboard;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Chaos;

/// <summary>
/// Wraps any payment channel (the fakes today, the sandbox-backed adapters later) with the chaos panel's network
/// faults — added latency, requests lost before they arrive, answers lost after the gateway acted — and records each
/// call's latency and outcome for the dashboard. The SDK's engine must recover from all of them.
/// </summary>
internal sealed class ChaosPaymentChannel : IPaymentChannel
{
    private readonly IPaymentChannel _inner;
    private readonly ChaosSettings _chaos;
    private readonly DashboardState _stats;
    private readonly TimeProvider _time;

    public ChaosPaymentChannel(IPaymentChannel inner, ChaosSettings chaos, DashboardState stats, TimeProvider time)
    {
        _inner = inner;
        _chaos = chaos;
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
            var latency = _chaos.NetworkLatencyMs;
            if (latency > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(latency), _time, cancellationToken);
            }

            var drop = _chaos.DropRate;
            if (drop > 0 && Random.Shared.NextDouble() < drop / 2)
            {
                outcome = "dropped";
                throw new TimeoutException("Request lost on the network before it reached the gateway (chaos).");
            }

            var result = await call(cancellationToken);
            if (drop > 0 && Random.Shared.NextDouble() < drop / 2)
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
