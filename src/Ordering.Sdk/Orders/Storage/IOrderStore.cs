namespace Ordering.Sdk.Orders;

/// <summary>
/// Durable storage of order histories, idempotency records, table occupancy and the event outbox.
/// Implementations: <c>InMemoryOrderStore</c> (tests) and the SQLite store in <c>Ordering.Sdk.Storage.Sqlite</c>.
/// </summary>
/// <remarks>
/// <see cref="AppendAsync"/> is the only write and must be atomic: every stream's version check, the events,
/// the idempotency record, the table claims and the outbox entries commit together or not at all.
/// </remarks>
public interface IOrderStore
{
    /// <summary>Loads an order's history in version order; empty when the order does not exist.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    ValueTask<IReadOnlyList<OrderEvent>> LoadAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Finds the stored result of a request id.</summary>
    /// <param name="requestId">The client request id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    ValueTask<IdempotencyRecord?> FindRequestAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Finds the order occupying a table.</summary>
    /// <param name="tableId">The table.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The occupying order id, or <see langword="null"/> when the table is free.</returns>
    ValueTask<string?> FindTableOccupantAsync(string tableId, CancellationToken cancellationToken = default);

    /// <summary>Allocates the next pickup / call number of a business day, starting at 1.</summary>
    /// <param name="businessDay">The business day.</param>
    /// <param name="cancellationToken">Cancels the allocation.</param>
    /// <returns>The number.</returns>
    ValueTask<int> NextOrderNumberAsync(DateOnly businessDay, CancellationToken cancellationToken = default);

    /// <summary>Appends events atomically, checking every stream's expected version and the request id.</summary>
    /// <param name="append">What to write.</param>
    /// <param name="cancellationToken">Cancels the write before it commits.</param>
    /// <returns>Whether it was written, or why not.</returns>
    ValueTask<AppendResult> AppendAsync(OrderAppend append, CancellationToken cancellationToken = default);

    /// <summary>Reads undelivered outbox entries in append order.</summary>
    /// <param name="max">The most entries to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Marks outbox entries delivered; delivering is at-least-once, so consumers deduplicate by sequence.</summary>
    /// <param name="sequences">The entries' sequence numbers.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when recorded.</returns>
    ValueTask AcknowledgeOutboxAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default);
}
