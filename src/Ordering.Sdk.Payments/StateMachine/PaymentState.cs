namespace Ordering.Sdk.Payments;

/// <summary>Where a payment attempt is in its life (see the state chart in <see cref="PaymentStateChart"/>).</summary>
public enum PaymentState : byte
{
    /// <summary>The intent is journaled; the channel may or may not have received the request yet.</summary>
    Created = 0,

    /// <summary>The request was sent and the outcome is not known yet (a timeout is not a failure).</summary>
    Pending = 1,

    /// <summary>The customer is confirming or entering a password (USERPAYING / WAIT_BUYER_PAY), or has a QR code to pay.</summary>
    AwaitingCustomer = 2,

    /// <summary>The channel confirmed the money was captured.</summary>
    Succeeded = 3,

    /// <summary>The channel definitively declined; nothing was captured.</summary>
    Failed = 4,

    /// <summary>The engine gave up waiting and is closing, reversing or cancelling the charge.</summary>
    Cancelling = 5,

    /// <summary>The charge was closed, reversed or cancelled; nothing is captured.</summary>
    Cancelled = 6,

    /// <summary>Part of the captured amount was refunded.</summary>
    PartiallyRefunded = 7,

    /// <summary>The whole captured amount was refunded.</summary>
    Refunded = 8,
}
