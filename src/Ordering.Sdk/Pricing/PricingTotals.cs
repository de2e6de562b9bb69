namespace Ordering.Sdk.Pricing;

/// <summary>The totals of a priced order, in minor units. <c>AmountDue = Subtotal − ItemDiscounts − OrderDiscounts + Fees + TaxAdded + Rounding</c>.</summary>
public readonly struct PricingTotals
{
    internal PricingTotals(long subtotal, long itemDiscounts, long orderDiscounts, long fees, long tax, long taxAdded, long rounding, long amountDue)
    {
        Subtotal = subtotal;
        ItemDiscounts = itemDiscounts;
        OrderDiscounts = orderDiscounts;
        Fees = fees;
        Tax = tax;
        TaxAdded = taxAdded;
        Rounding = rounding;
        AmountDue = amountDue;
    }

    /// <summary>Gets the sum of line gross amounts (price with modifiers × quantity).</summary>
    public long Subtotal { get; }

    /// <summary>Gets the item-level discounts (promotions and manual), as a positive amount.</summary>
    public long ItemDiscounts { get; }

    /// <summary>Gets the order-level discounts (promotions, coupons, member, manual), as a positive amount.</summary>
    public long OrderDiscounts { get; }

    /// <summary>Gets the fees.</summary>
    public long Fees { get; }

    /// <summary>Gets the total tax, whether included in prices or added.</summary>
    public long Tax { get; }

    /// <summary>Gets the tax added on top of prices (zero with inclusive tax).</summary>
    public long TaxAdded { get; }

    /// <summary>Gets the 抹零 adjustment (negative when rounded down).</summary>
    public long Rounding { get; }

    /// <summary>Gets what the customer pays.</summary>
    public long AmountDue { get; }
}
