namespace Ordering.Sdk.Orders;

/// <summary>
/// Runs order commands: idempotent by request id, optimistic by version, re-priced by the server on every
/// change, and written atomically with their outbox entries.
/// </summary>
/// <threadsafety>Thread-safe. Concurrent commands on one order are serialized by the store's version check.</threadsafety>
public interface IOrderService
{
    /// <summary>Runs a command against an order.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the command before it is written.</param>
    /// <returns>Accepted with the new state, rejected with a reason, or a conflict that says what changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is <see langword="null"/>.</exception>
    ValueTask<OrderCommandResult> ExecuteAsync(OrderCommand command, CancellationToken cancellationToken = default);

    /// <summary>Reads an order's current, server-priced state.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order, or <see langword="null"/> when it does not exist.</returns>
    ValueTask<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Reads an order's full event history (the audit trail).</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events in order; empty when the order does not exist.</returns>
    ValueTask<IReadOnlyList<OrderEvent>> GetHistoryAsync(string orderId, CancellationToken cancellationToken = default);
}
