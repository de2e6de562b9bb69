namespace Ordering.Sdk.Payments;

/// <summary>One channel refund of one attempt.</summary>
/// <param name="ChannelRefundNumber">The refund number sent to the channel (out_refund_no).</param>
/// <param name="AttemptId">The refunded attempt.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Amount">The amount.</param>
/// <param name="State">The state.</param>
/// <param name="IsAutomatic">The engine started it to return money found after giving up.</param>
public sealed record RefundPartSnapshot(string ChannelRefundNumber, string AttemptId, PaymentChannelId Channel, Money Amount, RefundState State, bool IsAutomatic);
