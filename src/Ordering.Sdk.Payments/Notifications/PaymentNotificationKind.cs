namespace Ordering.Sdk.Payments;

/// <summary>What a channel notification reports.</summary>
public enum PaymentNotificationKind
{
    /// <summary>The charge was paid.</summary>
    PaymentSucceeded = 0,

    /// <summary>The charge was closed or failed.</summary>
    PaymentClosed = 1,

    /// <summary>A refund succeeded.</summary>
    RefundSucceeded = 2,

    /// <summary>A refund was closed or became abnormal.</summary>
    RefundClosed = 3,
}
