using System.Collections.Immutable;

namespace Ordering.Sdk.Payments;

// Lock-free reads: every critical section that changed something publishes an immutable view before it
// releases the mutex, and the read methods only read the latest published view. A reader never waits for a
// writer (which may be inside a journal fsync); it sees the state as of the last completed critical section.
internal sealed partial class PaymentEngine
{
    private readonly HashSet<PaymentAttempt> _dirtyAttempts = [];
    private bool _dueDirty;
    private bool _failuresDirty;
    private ReadView _view = ReadView.Empty;

    public DateTimeOffset? NextDueAt => Volatile.Read(ref _view).NextDueAt;

    public PaymentAttemptSnapshot? GetAttempt(string attemptId)
    {
        ArgumentNullException.ThrowIfNull(attemptId);
        return Volatile.Read(ref _view).Attempts.TryGetValue(attemptId, out var snapshot) ? snapshot : null;
    }

    public IReadOnlyList<PaymentAttemptSnapshot> GetAttempts(string orderId)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        return Volatile.Read(ref _view).Orders.TryGetValue(orderId, out var order) ? order.Attempts : [];
    }

    public OrderPaymentStatus GetOrderStatus(string orderId)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        return Volatile.Read(ref _view).Orders.TryGetValue(orderId, out var order) ? order.Status : default;
    }

    public IReadOnlyList<PaymentFailure> GetFailures(string? orderId = null)
    {
        var failures = Volatile.Read(ref _view).Failures;
        var result = new List<PaymentFailure>();
        foreach (var failure in failures)
        {
            if (orderId is null || string.Equals(failure.OrderId, orderId, StringComparison.Ordinal))
            {
                result.Add(failure);
            }
        }

        return result;
    }

    // Marks an attempt (and so its order) for publication at the end of the critical section; the caller holds the mutex.
    private void Touch(PaymentAttempt attempt) => _dirtyAttempts.Add(attempt);

    private void TouchAll()
    {
        foreach (var attempt in _attempts.Values)
        {
            _dirtyAttempts.Add(attempt);
        }

        _dueDirty = true;
        _failuresDirty = true;
    }

    // Builds and publishes the next view from what changed; called with the mutex held, just before it is released.
    private void Publish()
    {
        if (_dirtyAttempts.Count == 0 && !_dueDirty && !_failuresDirty)
        {
            return;
        }

        var current = _view;
        var attempts = current.Attempts;
        var orders = current.Orders;
        if (_dirtyAttempts.Count > 0)
        {
            var attemptBuilder = attempts.ToBuilder();
            var touchedOrders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var attempt in _dirtyAttempts)
            {
                attemptBuilder[attempt.Id] = attempt.ToSnapshot();
                touchedOrders.Add(attempt.OrderId);
            }

            attempts = attemptBuilder.ToImmutable();
            var orderBuilder = orders.ToBuilder();
            foreach (var orderId in touchedOrders)
            {
                if (_orders.TryGetValue(orderId, out var book))
                {
                    var list = new PaymentAttemptSnapshot[book.Attempts.Count];
                    for (var i = 0; i < list.Length; i++)
                    {
                        list[i] = attempts[book.Attempts[i].Id];
                    }

                    orderBuilder[orderId] = new OrderView(book.ComputeStatus(), list);
                }
            }

            orders = orderBuilder.ToImmutable();
            _dirtyAttempts.Clear();
        }

        var nextDue = current.NextDueAt;
        if (_dueDirty)
        {
            nextDue = null;
            foreach (var attempt in _dueAttempts)
            {
                nextDue = Earliest(nextDue, attempt.DueAt);
            }

            foreach (var part in _dueParts)
            {
                nextDue = Earliest(nextDue, part.DueAt);
            }

            _dueDirty = false;
        }

        var failures = current.Failures;
        if (_failuresDirty)
        {
            failures = [.. _failures];
            _failuresDirty = false;
        }

        Volatile.Write(ref _view, new ReadView(attempts, orders, failures, nextDue));
    }

    private sealed record OrderView(OrderPaymentStatus Status, IReadOnlyList<PaymentAttemptSnapshot> Attempts);

    private sealed record ReadView(
        ImmutableDictionary<string, PaymentAttemptSnapshot> Attempts,
        ImmutableDictionary<string, OrderView> Orders,
        ImmutableArray<PaymentFailure> Failures,
        DateTimeOffset? NextDueAt)
    {
        public static readonly ReadView Empty = new(
            ImmutableDictionary.Create<string, PaymentAttemptSnapshot>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, OrderView>(StringComparer.Ordinal),
            [],
            null);
    }
}
