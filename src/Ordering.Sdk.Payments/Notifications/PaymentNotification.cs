namespace Ordering.Sdk.Payments;

/// <summary>A channel callback, after the adapter verified its signature, timestamp and decryption.</summary>
/// <param name="Channel">The channel that sent it.</param>
/// <param name="NotificationId">The channel's id of the event (de-duplication key).</param>
/// <param name="Kind">What it reports.</param>
/// <param name="MerchantOrderNumber">The attempt's merchant order number.</param>
/// <param name="Amount">The amount it reports (paid or refunded).</param>
/// <param name="ChannelTransactionId">The channel's transaction id, if any.</param>
/// <param name="RefundNumber">The refund number, for refund notifications.</param>
public sealed record PaymentNotification(
    PaymentChannelId Channel,
    string NotificationId,
    PaymentNotificationKind Kind,
    string MerchantOrderNumber,
    Money Amount,
    string? ChannelTransactionId = null,
    string? RefundNumber = null);
