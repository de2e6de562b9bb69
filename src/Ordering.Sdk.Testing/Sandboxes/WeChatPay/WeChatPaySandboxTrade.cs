namespace Ordering.Sdk.Testing;

/// <summary>A trade in the sandbox's own ledger, the channel's truth to compare with the journal.</summary>
/// <param name="OutTradeNo">The merchant order number.</param>
/// <param name="TransactionId">WeChat Pay's transaction id.</param>
/// <param name="TradeType">MICROPAY, NATIVE or JSAPI.</param>
/// <param name="TradeState">SUCCESS, REFUND, NOTPAY, USERPAYING, CLOSED, REVOKED or PAYERROR.</param>
/// <param name="Amount">The order amount.</param>
/// <param name="Captured">What the customer was charged and WeChat Pay still holds (zero after a reverse).</param>
/// <param name="Refunded">What was refunded successfully.</param>
/// <param name="CreatedAt">When the trade was created.</param>
/// <param name="PaidAt">When it was paid, if it was.</param>
public sealed record WeChatPaySandboxTrade(
    string OutTradeNo,
    string TransactionId,
    string TradeType,
    string TradeState,
    Money Amount,
    Money Captured,
    Money Refunded,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt);

/// <summary>A refund in the sandbox's ledger.</summary>
/// <param name="OutRefundNo">The merchant refund number.</param>
/// <param name="OutTradeNo">The trade refunded.</param>
/// <param name="RefundId">WeChat Pay's refund id.</param>
/// <param name="Amount">The refund amount.</param>
/// <param name="Status">PROCESSING, SUCCESS, CLOSED or ABNORMAL.</param>
public sealed record WeChatPaySandboxRefund(string OutRefundNo, string OutTradeNo, string RefundId, Money Amount, string Status);

/// <summary>One callback delivery attempt.</summary>
/// <param name="NotificationId">The callback's id (the same on every retry).</param>
/// <param name="EventType">TRANSACTION.SUCCESS, REFUND.SUCCESS, …</param>
/// <param name="OutTradeNo">The trade it is about.</param>
/// <param name="At">When it was sent (sandbox clock).</param>
/// <param name="StatusCode">The merchant's HTTP status, 0 when the connection failed.</param>
/// <param name="Probe">Whether it was a deliberately mis-signed probe.</param>
public sealed record WeChatPaySandboxDelivery(string NotificationId, string EventType, string OutTradeNo, DateTimeOffset At, int StatusCode, bool Probe)
{
    /// <summary>Gets whether the merchant acknowledged it (HTTP 2xx).</summary>
    public bool Acknowledged => StatusCode is >= 200 and < 300;
}
