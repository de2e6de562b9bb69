namespace Ordering.Sdk.Orders;

/// <summary>What an order command did.</summary>
/// <remarks>
/// A repeated request id returns the first result again (<see cref="IsReplay"/> is then <see langword="true"/>),
/// with the same status, error and events; <see cref="Order"/> then shows the order as it is now.
/// </remarks>
public sealed record OrderCommandResult
{
    /// <summary>Gets the outcome.</summary>
    public required OrderCommandStatus Status { get; init; }

    /// <summary>Gets the order after the command (or as it is, when nothing was applied); <see langword="null"/> if it does not exist.</summary>
    public OrderView? Order { get; init; }

    /// <summary>Gets why the command was refused, for <see cref="OrderCommandStatus.Rejected"/> and <see cref="OrderCommandStatus.Conflict"/>.</summary>
    public OrderError? Error { get; init; }

    /// <summary>Gets the events the command appended.</summary>
    public IReadOnlyList<OrderEvent> Events { get; init; } = [];

    /// <summary>Gets, for a conflict, every event appended after the version the client expected: what changed.</summary>
    public IReadOnlyList<OrderEvent> ChangesSinceExpected { get; init; } = [];

    /// <summary>Gets a value indicating whether this is the stored result of an earlier identical request.</summary>
    public bool IsReplay { get; init; }
}
