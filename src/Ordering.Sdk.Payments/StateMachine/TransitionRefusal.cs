namespace Ordering.Sdk.Payments;

/// <summary>Why <see cref="PaymentStateChart"/> refuses a (state, trigger) pair.</summary>
public enum TransitionRefusal : byte
{
    /// <summary>Not refused: the pair is a defined transition.</summary>
    None = 0,

    /// <summary>The request was already submitted; submitting again would risk a second charge.</summary>
    AlreadySubmitted = 1,

    /// <summary>The request has not been submitted, so the channel cannot have answered about it.</summary>
    NotSubmitted = 2,

    /// <summary>The attempt is resolved without a capture; only a late success can reopen it.</summary>
    ResolvedWithoutCapture = 3,

    /// <summary>The money was captured; giving it back is a refund, not a cancel.</summary>
    CapturedUseRefund = 4,

    /// <summary>Nothing was captured, so there is nothing to refund.</summary>
    NothingCaptured = 5,

    /// <summary>The attempt is not being cancelled, so a cancel confirmation cannot apply.</summary>
    NotCancelling = 6,

    /// <summary>Everything captured was already refunded.</summary>
    FullyRefunded = 7,

    /// <summary>The attempt is already being cancelled.</summary>
    AlreadyCancelling = 8,

    /// <summary>The attempt is resolved; a stale or reordered answer cannot change it.</summary>
    AlreadyResolved = 9,
}
