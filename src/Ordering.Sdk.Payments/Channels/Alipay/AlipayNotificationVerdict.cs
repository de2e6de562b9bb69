namespace Ordering.Sdk.Payments.Alipay;

/// <summary>The result of checking one Alipay notification.</summary>
/// <param name="IsAuthentic">Whether the signature, app id, seller id and amounts all checked out.</param>
/// <param name="Notification">What to hand to the payment engine; <see langword="null"/> when rejected or when the status needs no action (e.g. WAIT_BUYER_PAY).</param>
/// <param name="RejectReason">Why it was rejected (field and reason, no secrets); <see langword="null"/> when authentic.</param>
public sealed record AlipayNotificationVerdict(bool IsAuthentic, PaymentNotification? Notification, string? RejectReason)
{
    /// <summary>Gets the body to answer Alipay with: exactly <c>success</c> stops its retries; anything else makes it send again.</summary>
    public string Acknowledgement => IsAuthentic ? "success" : "fail";
}
