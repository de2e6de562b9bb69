namespace Ordering.Sdk.Payments;

/// <summary>What happened to a payment attempt; the input of <see cref="PaymentStateChart"/>.</summary>
public enum PaymentTrigger : byte
{
    /// <summary>The charge request was sent (or may have been sent) to the channel.</summary>
    Submit = 0,

    /// <summary>A call got no usable answer: timeout, connection reset, SYSTEMERROR, 20000.</summary>
    OutcomeUnknown = 1,

    /// <summary>The channel says the customer is still paying (USERPAYING, WAIT_BUYER_PAY, QR shown).</summary>
    CustomerPaying = 2,

    /// <summary>The channel definitively confirmed the capture.</summary>
    Confirm = 3,

    /// <summary>The channel definitively declined the charge.</summary>
    Decline = 4,

    /// <summary>The engine or an operator gives up and starts closing / reversing the charge.</summary>
    Cancel = 5,

    /// <summary>The channel confirmed the close, reverse or cancel.</summary>
    CancelConfirmed = 6,

    /// <summary>A refund of part of the remaining captured amount succeeded.</summary>
    PartialRefund = 7,

    /// <summary>A refund of all the remaining captured amount succeeded.</summary>
    FullRefund = 8,
}
