namespace Ordering.Sdk.Orders;

/// <summary>One atomic write: events for one or more orders, the request's idempotency record and table claims.</summary>
/// <param name="Streams">Each order's expected version and new events.</param>
/// <param name="Request">The idempotency record of the request.</param>
/// <param name="TableClaims">Tables to claim (order id set) or free (order id <see langword="null"/>).</param>
public sealed record OrderAppend(
    IReadOnlyList<StreamAppend> Streams,
    IdempotencyRecord Request,
    IReadOnlyList<TableClaim> TableClaims);

/// <summary>New events for one order, valid only if its history is still at <paramref name="ExpectedVersion"/>.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="ExpectedVersion">The version the events were decided on.</param>
/// <param name="Events">The events, versions ExpectedVersion+1 onwards.</param>
public sealed record StreamAppend(string OrderId, long ExpectedVersion, IReadOnlyList<OrderEvent> Events);

/// <summary>A table occupancy change.</summary>
/// <param name="TableId">The table.</param>
/// <param name="OrderId">The order taking the table, or <see langword="null"/> to free it.</param>
/// <param name="PreviousOrderId">When freeing, the order that must still hold the table.</param>
public sealed record TableClaim(string TableId, string? OrderId, string? PreviousOrderId = null);

/// <summary>The stored first result of a client request.</summary>
/// <param name="RequestId">The client request id.</param>
/// <param name="OrderId">The order the request was for.</param>
/// <param name="CommandType">The command's type name, to detect a reused id.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Error">Why it was refused, if it was.</param>
/// <param name="FromVersion">The first version it appended (0 if none).</param>
/// <param name="ToVersion">The last version it appended (0 if none).</param>
public sealed record IdempotencyRecord(
    string RequestId,
    string OrderId,
    string CommandType,
    OrderCommandStatus Status,
    OrderError? Error,
    long FromVersion,
    long ToVersion);

/// <summary>An event waiting for delivery to the kitchen, reports or sync.</summary>
/// <param name="Sequence">The store-wide, increasing sequence number.</param>
/// <param name="Event">The event.</param>
public sealed record OutboxEntry(long Sequence, OrderEvent Event);

/// <summary>The outcome of an append.</summary>
public sealed record AppendResult
{
    /// <summary>Gets a successful append.</summary>
    public static AppendResult Success { get; } = new() { Succeeded = true };

    /// <summary>Gets a value indicating whether everything was written.</summary>
    public bool Succeeded { get; init; }

    /// <summary>Gets the order whose history moved on, for a version conflict.</summary>
    public string? ConflictingOrderId { get; init; }

    /// <summary>Gets the table another order holds, for a claim conflict.</summary>
    public string? OccupiedTableId { get; init; }

    /// <summary>Gets a value indicating whether the request id was already recorded by a concurrent request.</summary>
    public bool DuplicateRequest { get; init; }
}
