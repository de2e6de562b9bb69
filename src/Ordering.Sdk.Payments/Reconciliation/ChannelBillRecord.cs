namespace Ordering.Sdk.Payments;

/// <summary>One row of a channel's trade bill for a day, in channel-neutral form.</summary>
/// <remarks>
/// Channel adapters parse their own bill format (WeChat Pay's CSV-like trade bill, Alipay's
/// 业务明细) into these records; reconciliation compares them with the payment journal.
/// </remarks>
/// <param name="Channel">The channel that issued the bill.</param>
/// <param name="Kind">Payment or refund.</param>
/// <param name="MerchantOrderNumber">Our merchant order number (out_trade_no) the row belongs to.</param>
/// <param name="ChannelTransactionId">The channel's transaction id (transaction_id / trade_no).</param>
/// <param name="Amount">The amount of the payment or of the refund, always positive.</param>
/// <param name="OccurredAt">When the channel recorded the payment or refund.</param>
/// <param name="RefundNumber">Our refund number (out_refund_no) for a refund row; otherwise null.</param>
public sealed record ChannelBillRecord(
    PaymentChannelId Channel,
    ChannelBillRecordKind Kind,
    string MerchantOrderNumber,
    string ChannelTransactionId,
    Money Amount,
    DateTimeOffset OccurredAt,
    string? RefundNumber = null);
