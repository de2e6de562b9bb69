namespace Ordering.Sdk.Orders;

/// <summary>The outcome of an order command.</summary>
public enum OrderCommandStatus
{
    /// <summary>Applied: the events are in the history.</summary>
    Accepted = 0,

    /// <summary>Refused for a reason the client can read in <see cref="OrderCommandResult.Error"/>; nothing was applied.</summary>
    Rejected = 1,

    /// <summary>The order changed since the client's version; nothing was applied. Re-read and decide again.</summary>
    Conflict = 2,
}
