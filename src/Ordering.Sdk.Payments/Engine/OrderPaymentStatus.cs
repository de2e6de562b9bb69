namespace Ordering.Sdk.Payments;

/// <summary>How far an order is paid: confirmed tenders against the amount due.</summary>
/// <remarks>
/// An order is settled only when confirmed tenders equal the amount due exactly. Attempts the engine gave
/// up on do not count (their money, if found, is refunded). Computing it allocates nothing.
/// </remarks>
/// <param name="AmountDue">The order's amount due.</param>
/// <param name="Confirmed">The sum of captured tenders that count towards the order.</param>
/// <param name="InProgress">The sum of tenders still in flight (reserved against the outstanding amount).</param>
/// <param name="Refunded">The sum refunded of the confirmed tenders.</param>
public readonly record struct OrderPaymentStatus(Money AmountDue, Money Confirmed, Money InProgress, Money Refunded)
{
    /// <summary>Gets what is still to pay: amount due minus confirmed tenders.</summary>
    public Money Outstanding => AmountDue - Confirmed;

    /// <summary>Gets a value indicating whether confirmed tenders cover the amount due exactly.</summary>
    public bool IsSettled => Confirmed == AmountDue && !AmountDue.IsZero;
}
