namespace Ordering.Sdk.Orders;

/// <summary>
/// Settles the order once the payment engine confirmed tenders that cover the amount due exactly; the amount
/// is frozen (the price snapshot for refunds and reports).
/// </summary>
public sealed record SettleOrder : OrderCommand
{
    /// <summary>Gets the confirmed amount paid, in minor units (change given for cash is not included).</summary>
    public required long AmountPaid { get; init; }

    /// <summary>Gets the payment engine's reference for the settlement.</summary>
    public required string PaymentReference { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Id(PaymentReference, "paymentReference");
        if (error is not null)
        {
            return error;
        }

        if (state.Lines.Any(l => l.IsActive && l.State == OrderLineState.InCart))
        {
            return OrderErrors.NothingToSettle();
        }

        var due = context.CurrentPricing.AmountDue;
        var paid = new Money(AmountPaid, due.Currency);
        return paid != due
            ? OrderErrors.SettlementMismatch(due, paid)
            : Decision.Accept(new OrderSettled { Amount = due, PaymentReference = PaymentReference });
    }
}
