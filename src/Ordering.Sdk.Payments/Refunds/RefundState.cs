namespace Ordering.Sdk.Payments;

/// <summary>Where a refund is in its life.</summary>
public enum RefundState
{
    /// <summary>The refund is journaled; the channel may or may not have received it.</summary>
    Requested = 0,

    /// <summary>The channel accepted the refund and is processing it (not final).</summary>
    Processing = 1,

    /// <summary>The money was returned.</summary>
    Succeeded = 2,

    /// <summary>The channel definitively refused or closed the refund; nothing was returned.</summary>
    Failed = 3,
}
