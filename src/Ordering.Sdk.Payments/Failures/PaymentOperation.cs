namespace Ordering.Sdk.Payments;

/// <summary>Which kind of call to a channel a failure belongs to.</summary>
public enum PaymentOperation
{
    /// <summary>Creating a charge (code pay, QR, JSAPI, cash, stored value).</summary>
    Charge = 0,

    /// <summary>Querying a charge.</summary>
    Query = 1,

    /// <summary>Closing, reversing or cancelling a charge.</summary>
    Cancel = 2,

    /// <summary>Requesting a refund.</summary>
    Refund = 3,

    /// <summary>Querying a refund.</summary>
    RefundQuery = 4,

    /// <summary>Checking a request before any call (payment code, amounts).</summary>
    Validation = 5,

    /// <summary>Applying a channel notification.</summary>
    Notification = 6,
}
