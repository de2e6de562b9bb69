namespace Ordering.Sdk.Payments;

/// <summary>What the engine did with a notification. Acknowledge the channel for every value but <see cref="Rejected"/>.</summary>
public enum NotificationDisposition
{
    /// <summary>Applied, or a confirming query was scheduled.</summary>
    Applied = 0,

    /// <summary>Already received; nothing changed.</summary>
    Duplicate = 1,

    /// <summary>Valid but stale (the attempt already reflects it); nothing changed.</summary>
    Ignored = 2,

    /// <summary>Unknown attempt, wrong channel or mismatching amount; recorded as a failure.</summary>
    Rejected = 3,
}
