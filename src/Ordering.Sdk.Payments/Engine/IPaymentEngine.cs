namespace Ordering.Sdk.Payments;

/// <summary>
/// One API to take payment for an order over every channel: journaled, idempotent, resolving unknown
/// outcomes by query and cancel, refunding money found after giving up, diagnosing every failure.
/// </summary>
/// <remarks>
/// The engine starts no threads: the host calls <see cref="ProcessDueWorkAsync"/> (for example from a
/// <see cref="PeriodicTimer"/> on the same <see cref="TimeProvider"/>) to run due queries, cancels and
/// refunds; <see cref="NextDueAt"/> says when there is work.
/// </remarks>
/// <threadsafety>Safe to use from several threads.</threadsafety>
public interface IPaymentEngine
{
    /// <summary>Raised after every diagnosed failure.</summary>
    /// <remarks>
    /// The engine's events are raised after the order's lock is released (a handler may call back in), in the order
    /// they happened for each order and never two at once for the same order; events of different orders may be
    /// raised at the same time on different threads.
    /// </remarks>
    event EventHandler<PaymentFailureEventArgs>? FailureRecorded;

    /// <summary>Raised after every journaled state change of an attempt, in order for each order (see <see cref="FailureRecorded"/>).</summary>
    event EventHandler<PaymentAttemptChangedEventArgs>? AttemptChanged;

    /// <summary>Raised when money is found after the engine gave up; an automatic refund is on its way. Alert-worthy.</summary>
    event EventHandler<LateSuccessEventArgs>? LateSuccessDetected;

    /// <summary>Gets when the earliest scheduled work is due, or <see langword="null"/> when there is none.</summary>
    DateTimeOffset? NextDueAt { get; }

    /// <summary>Takes one tender towards an order.</summary>
    /// <param name="request">The tender.</param>
    /// <param name="cancellationToken">Cancels waiting; an attempt already sent is still resolved later.</param>
    /// <returns>The attempt: Succeeded, Failed (with a diagnosed failure), or in flight (Pending / AwaitingCustomer) to be resolved.</returns>
    /// <exception cref="ArgumentException">The request is malformed (which field and why), or the idempotency key was used for a different tender.</exception>
    ValueTask<PaymentAttemptSnapshot> PayAsync(TenderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gives up on an attempt in flight: it is closed / reversed when the channel allows.</summary>
    /// <param name="attemptId">The attempt.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The attempt after the request.</returns>
    /// <exception cref="ArgumentException">No such attempt.</exception>
    ValueTask<PaymentAttemptSnapshot> CancelAsync(string attemptId, CancellationToken cancellationToken = default);

    /// <summary>Refunds an amount or order lines; idempotent by refund number.</summary>
    /// <param name="request">The refund.</param>
    /// <param name="cancellationToken">Cancels waiting; a refund already journaled is still completed later.</param>
    /// <returns>The refund.</returns>
    /// <exception cref="ArgumentException">The request is malformed, exceeds what is refundable, or reuses a refund number for a different refund.</exception>
    ValueTask<RefundSnapshot> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>Applies a verified channel notification once, whatever its order or repetitions.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>What the engine did with it.</returns>
    ValueTask<NotificationDisposition> ApplyNotificationAsync(PaymentNotification notification, CancellationToken cancellationToken = default);

    /// <summary>Runs every due query, cancel and refund once.</summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>How many items were processed.</returns>
    ValueTask<int> ProcessDueWorkAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets an attempt.</summary>
    /// <param name="attemptId">The attempt id.</param>
    /// <returns>The attempt, or <see langword="null"/>.</returns>
    PaymentAttemptSnapshot? GetAttempt(string attemptId);

    /// <summary>Gets every attempt of an order, oldest first.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The attempts.</returns>
    IReadOnlyList<PaymentAttemptSnapshot> GetAttempts(string orderId);

    /// <summary>Gets a refund by its refund number.</summary>
    /// <param name="refundNumber">The caller's refund number (or an automatic refund's number).</param>
    /// <returns>The refund, or <see langword="null"/>.</returns>
    RefundSnapshot? GetRefund(string refundNumber);

    /// <summary>Gets how far an order is paid. Allocates nothing.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The status; zero amounts for an unknown order.</returns>
    OrderPaymentStatus GetOrderStatus(string orderId);

    /// <summary>Gets the failure log, newest last, optionally for one order.</summary>
    /// <param name="orderId">The order, or <see langword="null"/> for all.</param>
    /// <returns>The failures (the most recent ones kept in memory).</returns>
    IReadOnlyList<PaymentFailure> GetFailures(string? orderId = null);
}
