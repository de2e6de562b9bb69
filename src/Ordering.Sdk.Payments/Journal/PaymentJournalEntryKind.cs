namespace Ordering.Sdk.Payments;

/// <summary>What a journal entry records.</summary>
public enum PaymentJournalEntryKind
{
    /// <summary>The intent of a payment attempt, written before any request leaves the process.</summary>
    AttemptCreated = 0,

    /// <summary>A state transition of an attempt.</summary>
    StateChanged = 1,

    /// <summary>The intent of a refund, written before the refund request leaves the process.</summary>
    RefundRequested = 2,

    /// <summary>A refund's new state (processing, succeeded, failed).</summary>
    RefundChanged = 3,

    /// <summary>A channel notification accepted into the inbox (for de-duplication).</summary>
    NotificationAccepted = 4,

    /// <summary>A diagnosed failure, so the failure log is rebuilt on start.</summary>
    FailureRecorded = 5,
}
