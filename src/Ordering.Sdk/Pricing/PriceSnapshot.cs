namespace Ordering.Sdk.Pricing;

/// <summary>
/// A frozen, immutable copy of a priced order: what partial refunds, 反结账, splits and reports work from, so
/// they replay the same numbers even after the menu or the promotions change. Serializable with
/// <see cref="Serialization.PricingJson"/>.
/// </summary>
/// <threadsafety>Immutable once built; safe to share across threads.</threadsafety>
public sealed class PriceSnapshot
{
    /// <summary>Gets the ISO 4217 currency code of every amount.</summary>
    public required string CurrencyCode { get; init; }

    /// <summary>Gets the instant the order was priced at; pass it as <see cref="PricingContext.At"/> to re-price identically.</summary>
    public DateTimeOffset PricedAt { get; init; }

    /// <summary>Gets the lines.</summary>
    public IReadOnlyList<SnapshotLine> Lines { get; init; } = [];

    /// <summary>Gets the adjustment ledger.</summary>
    public IReadOnlyList<SnapshotAdjustment> Adjustments { get; init; } = [];

    /// <summary>Gets how each promotion fared.</summary>
    public IReadOnlyList<SnapshotPromotion> Promotions { get; init; } = [];

    /// <summary>Gets the subtotal.</summary>
    public long Subtotal { get; init; }

    /// <summary>Gets the item-level discounts.</summary>
    public long ItemDiscounts { get; init; }

    /// <summary>Gets the order-level discounts.</summary>
    public long OrderDiscounts { get; init; }

    /// <summary>Gets the fees.</summary>
    public long Fees { get; init; }

    /// <summary>Gets the tax.</summary>
    public long Tax { get; init; }

    /// <summary>Gets the tax added on top.</summary>
    public long TaxAdded { get; init; }

    /// <summary>Gets the 抹零 adjustment.</summary>
    public long Rounding { get; init; }

    /// <summary>Gets the amount due.</summary>
    public long AmountDue { get; init; }

    /// <summary>Gets the rounding of partial refunds.</summary>
    public FenRounding RefundRounding { get; init; }

    /// <summary>
    /// Gets how much to refund for <paramref name="quantity"/> more units of a line, given what was refunded
    /// before. The refund of the first k units is the line total × k ÷ quantity (rounded by
    /// <see cref="RefundRounding"/>, cumulatively), and the refund that reaches the full quantity takes exactly
    /// what is left, so the refunds of a line always sum to what was paid for it.
    /// </summary>
    /// <param name="lineIndex">The line.</param>
    /// <param name="quantity">The units to refund now, 1 or more.</param>
    /// <param name="refundedQuantity">Units refunded before.</param>
    /// <param name="refundedAmount">Amount refunded before for this line.</param>
    /// <returns>The amount to refund, in minor units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The line does not exist, or the quantities do not fit the line.</exception>
    public long GetRefundableAmount(int lineIndex, int quantity, int refundedQuantity = 0, long refundedAmount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lineIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lineIndex, Lines.Count);
        var line = Lines[lineIndex];
        ArgumentOutOfRangeException.ThrowIfNegative(refundedQuantity);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, line.Quantity - refundedQuantity);
        ArgumentOutOfRangeException.ThrowIfNegative(refundedAmount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(refundedAmount, line.Total);

        var refundedAfter = refundedQuantity + quantity;
        var cumulative = refundedAfter == line.Quantity
            ? line.Total
            : FenMath.MulDiv(line.Total, refundedAfter, line.Quantity, RefundRounding);
        return Math.Clamp(cumulative - refundedAmount, 0, line.Total - refundedAmount);
    }
}
