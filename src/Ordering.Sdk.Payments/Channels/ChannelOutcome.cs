namespace Ordering.Sdk.Payments;

/// <summary>What a channel answered to a call.</summary>
public enum ChannelOutcome
{
    /// <summary>Definitive success: the charge was captured, the cancel or refund done.</summary>
    Succeeded = 0,

    /// <summary>Definitive refusal; see <see cref="ChannelResult.Error"/>.</summary>
    Declined = 1,

    /// <summary>The customer is still paying (USERPAYING, WAIT_BUYER_PAY) or has been shown a QR code.</summary>
    CustomerPaying = 2,

    /// <summary>No usable answer (timeout, SYSTEMERROR, 20000): the outcome is unknown.</summary>
    Unknown = 3,

    /// <summary>The channel does not know the order or refund number (it never arrived).</summary>
    NotFound = 4,

    /// <summary>The charge is closed, reversed or cancelled at the channel; nothing is captured.</summary>
    Cancelled = 5,

    /// <summary>A refund was accepted and is being processed; query it later.</summary>
    Processing = 6,
}
