namespace Ordering.Sdk.Payments;

/// <summary>How the channel's bill and our journal disagree.</summary>
public enum DiscrepancyKind
{
    /// <summary>The channel took money we have no attempt for (an orphan charge): attach it to an order or refund it.</summary>
    MissingLocally = 0,

    /// <summary>We recorded a payment the channel's bill does not have.</summary>
    MissingAtChannel = 1,

    /// <summary>Both have it, with different amounts.</summary>
    AmountMismatch = 2,

    /// <summary>Both know it, but disagree on what happened (paid vs. failed, refunded vs. not).</summary>
    StatusMismatch = 3,

    /// <summary>The channel refunded something we never asked to refund.</summary>
    UnknownRefundAtChannel = 4,
}
