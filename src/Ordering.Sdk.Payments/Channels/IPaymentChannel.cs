namespace Ordering.Sdk.Payments;

/// <summary>
/// A payment channel the engine drives: WeChat Pay, Alipay, cash, stored value, or a fake in tests.
/// </summary>
/// <remarks>
/// Every method returns a definitive result, a pending or unknown result, or a classified failure; an
/// exception (timeout, connection reset) is treated as an unknown outcome, never as a failure. The engine
/// wraps the calls in the channel's resilience pipelines: only <see cref="QueryAsync"/>,
/// <see cref="CancelAsync"/>, <see cref="RefundAsync"/> (same refund number) and
/// <see cref="QueryRefundAsync"/> are retried; <see cref="ChargeAsync"/> never is.
/// </remarks>
public interface IPaymentChannel
{
    /// <summary>Gets which channel this is.</summary>
    PaymentChannelId Id { get; }

    /// <summary>Creates a charge (code pay, QR, JSAPI, cash, stored value debit).</summary>
    /// <param name="request">The charge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel's answer.</returns>
    ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    /// <summary>Queries a charge by merchant order number.</summary>
    /// <param name="merchantOrderNumber">The attempt's merchant order number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel's answer.</returns>
    ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken);

    /// <summary>Closes, reverses or cancels a charge; a paid code-pay charge is reversed (money returned).</summary>
    /// <param name="merchantOrderNumber">The attempt's merchant order number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="ChannelOutcome.Cancelled"/> when closed; <see cref="ChannelOutcome.Succeeded"/> when it was paid and cannot be closed.</returns>
    ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken);

    /// <summary>Refunds part or all of a captured charge; idempotent by refund number.</summary>
    /// <param name="request">The refund.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel's answer (<see cref="ChannelOutcome.Processing"/> means accepted, not done).</returns>
    ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken);

    /// <summary>Queries a refund by its refund number.</summary>
    /// <param name="merchantOrderNumber">The charge's merchant order number.</param>
    /// <param name="refundNumber">The refund number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel's answer.</returns>
    ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken);
}
