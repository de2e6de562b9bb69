namespace Ordering.Sdk.Payments;

// The attempts of one order and its latest amount due.
internal sealed class OrderBook(string orderId, Money amountDue)
{
    public string OrderId { get; } = orderId;

    public Money AmountDue { get; set; } = amountDue;

    public List<PaymentAttempt> Attempts { get; } = [];

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
