namespace Ordering.Sdk.Testing;

/// <summary>The fake channel's ground truth about one charge: what the customer was really charged and refunded.</summary>
/// <threadsafety>Read it only while the channel is not being called.</threadsafety>
public sealed class FakeTrade
{
    internal FakeTrade(string merchantOrderNumber, string orderId, Money amount, Ordering.Sdk.Payments.ChargeKind kind, FakeCustomerBehavior behavior, DateTimeOffset resolvesAt)
    {
        MerchantOrderNumber = merchantOrderNumber;
        OrderId = orderId;
        Amount = amount;
        Kind = kind;
        Behavior = behavior;
        ResolvesAt = resolvesAt;
        Captured = Money.Zero(amount.Currency);
    }

    /// <summary>Gets the merchant order number.</summary>
    public string MerchantOrderNumber { get; }

    /// <summary>Gets the order id.</summary>
    public string OrderId { get; }

    /// <summary>Gets the charged amount.</summary>
    public Money Amount { get; }

    /// <summary>Gets how the charge was taken.</summary>
    public Ordering.Sdk.Payments.ChargeKind Kind { get; }

    /// <summary>Gets the customer's behaviour.</summary>
    public FakeCustomerBehavior Behavior { get; }

    /// <summary>Gets the trade's status.</summary>
    public FakeTradeStatus Status { get; internal set; }

    /// <summary>Gets what was captured (zero unless paid; stays after refunds; zero after a reverse).</summary>
    public Money Captured { get; internal set; }

    /// <summary>Gets the refunds by refund number with their amounts and completion times.</summary>
    internal Dictionary<string, (Money Amount, DateTimeOffset DoneAt)> Refunds { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the refund numbers the channel accepted.</summary>
    public IReadOnlyCollection<string> RefundNumbers => Refunds.Keys;

    internal DateTimeOffset ResolvesAt { get; }

    /// <summary>Gets the sum of refunds completed by <paramref name="now"/>.</summary>
    /// <param name="now">The time.</param>
    /// <returns>The refunded amount.</returns>
    public Money RefundedBy(DateTimeOffset now)
    {
        var total = Money.Zero(Amount.Currency);
        foreach (var (amount, doneAt) in Refunds.Values)
        {
            if (doneAt <= now)
            {
                total += amount;
            }
        }

        return total;
    }

    /// <summary>Gets the sum of every accepted refund, completed or not.</summary>
    /// <returns>The accepted refunds.</returns>
    public Money RefundsAccepted()
    {
        var total = Money.Zero(Amount.Currency);
        foreach (var (amount, _) in Refunds.Values)
        {
            total += amount;
        }

        return total;
    }
}
