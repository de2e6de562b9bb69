namespace Ordering.Sdk.Payments;

// One order's payment state: its attempts, its refunds and its latest amount due, all guarded by Gate.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim never allocates a wait handle (AvailableWaitHandle is not used), so it holds nothing to dispose.")]
internal sealed class OrderBook(string orderId, Money amountDue)
{
    public string OrderId { get; } = orderId;

    // The order's lock: held across the order's journal appends, never across a channel call.
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public Money AmountDue { get; set; } = amountDue;

    // The order's events, delivered in order after its gate is released.
    public EventSequencer Events { get; } = new();

    public List<PaymentAttempt> Attempts { get; } = [];

    public List<RefundGroup> Refunds { get; } = [];

    // Something of the order changed since its state was last published to the read view.
    public bool Dirty { get; set; }

    // Allocation-free: a plain loop over a List<T> uses its struct enumerator.
    public OrderPaymentStatus ComputeStatus()
    {
        var zero = Money.Zero(AmountDue.Currency);
        Money confirmed = zero, inProgress = zero, refunded = zero;
        foreach (var attempt in Attempts)
        {
            if (attempt.CountsTowardsOrder)
            {
                confirmed += attempt.Captured;
                refunded += attempt.Refunded;
            }
            else if (attempt.ReservesOutstanding)
            {
                inProgress += attempt.Amount;
            }
        }

        return new OrderPaymentStatus(AmountDue, confirmed, inProgress, refunded);
    }
}
