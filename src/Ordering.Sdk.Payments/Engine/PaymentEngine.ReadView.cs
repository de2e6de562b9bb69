using System.Collections.Immutable;

namespace Ordering.Sdk.Payments;

// Lock-free reads: every critical section that changed something publishes an immutable view before it
// releases its order's gate, and the read methods only read the latest published view. A reader never waits
// for a writer (which may be inside a journal fsync); it sees each order as of its last completed section.
internal sealed partial class PaymentEngine
{
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

    public RefundSnapshot? GetRefund(string refundNumber)
    {
        ArgumentNullException.ThrowIfNull(refundNumber);
        return Volatile.Read(ref _view).Refunds.TryGetValue(refundNumber, out var refund) ? refund : null;
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

    // Marks an attempt's order for publication at the end of the section; the caller holds the order's gate.
    private static void Touch(PaymentAttempt attempt) => attempt.Book.Dirty = true;

    // After a resume folded the journal without the usual touch points: publish everything.
    private void PublishAll()
    {
        List<OrderBook> books;
        lock (_sync)
        {
            books = [.. _orders.Values];
            _dueDirty = true;
            _failuresDirty = true;
        }

        foreach (var book in books)
        {
            book.Dirty = true;
            Publish(book);
        }

        Publish(null);
    }

    // Builds and publishes the next view from what changed: the order's part is snapshotted under its gate
    // (which the caller holds), then merged with the engine-wide parts under _sync.
    private void Publish(OrderBook? book)
    {
        PaymentAttemptSnapshot[]? attempts = null;
        OrderView? order = null;
        RefundSnapshot[]? refunds = null;
        if (book is { Dirty: true })
        {
            attempts = new PaymentAttemptSnapshot[book.Attempts.Count];
            for (var i = 0; i < attempts.Length; i++)
            {
                attempts[i] = book.Attempts[i].ToSnapshot();
            }

            order = new OrderView(book.ComputeStatus(), attempts);
            refunds = new RefundSnapshot[book.Refunds.Count];
            for (var i = 0; i < refunds.Length; i++)
            {
                refunds[i] = book.Refunds[i].ToSnapshot();
            }

            book.Dirty = false;
        }

        lock (_sync)
        {
            if (order is null && !_dueDirty && !_failuresDirty)
            {
                return;
            }

            var current = _view;
            var attemptView = current.Attempts;
            var orderView = current.Orders;
            var refundView = current.Refunds;
            if (order is not null)
            {
                if (attempts!.Length > 0)
                {
                    var builder = attemptView.ToBuilder();
                    foreach (var snapshot in attempts)
                    {
                        builder[snapshot.AttemptId] = snapshot;
                    }

                    attemptView = builder.ToImmutable();
                }

                orderView = orderView.SetItem(book!.OrderId, order);
                if (refunds!.Length > 0)
                {
                    var builder = refundView.ToBuilder();
                    foreach (var refund in refunds)
                    {
                        builder[refund.RefundNumber] = refund;
                    }

                    refundView = builder.ToImmutable();
                }
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
                failures = [.. _failures.ToArray()];
                _failuresDirty = false;
            }

            Volatile.Write(ref _view, new ReadView(attemptView, orderView, refundView, failures, nextDue));
        }
    }

    private sealed record OrderView(OrderPaymentStatus Status, IReadOnlyList<PaymentAttemptSnapshot> Attempts);

    private sealed record ReadView(
        ImmutableDictionary<string, PaymentAttemptSnapshot> Attempts,
        ImmutableDictionary<string, OrderView> Orders,
        ImmutableDictionary<string, RefundSnapshot> Refunds,
        ImmutableArray<PaymentFailure> Failures,
        DateTimeOffset? NextDueAt)
    {
        public static readonly ReadView Empty = new(
            ImmutableDictionary.Create<string, PaymentAttemptSnapshot>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, OrderView>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, RefundSnapshot>(StringComparer.Ordinal),
            [],
            null);
    }
}
