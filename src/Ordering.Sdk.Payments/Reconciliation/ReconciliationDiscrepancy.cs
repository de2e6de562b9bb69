namespace Ordering.Sdk.Payments;

/// <summary>One disagreement between a channel's bill and the journal.</summary>
/// <param name="Kind">What kind of disagreement.</param>
/// <param name="Channel">The channel.</param>
/// <param name="MerchantOrderNumber">The merchant order number (our attempt id).</param>
/// <param name="RefundNumber">The refund number, for refund discrepancies.</param>
/// <param name="LocalAmount">What the journal says, if it knows the item.</param>
/// <param name="ChannelAmount">What the bill says, if it has the item.</param>
/// <param name="Detail">A sentence for staff, naming the states involved.</param>
public sealed record ReconciliationDiscrepancy(
    DiscrepancyKind Kind,
    PaymentChannelId Channel,
    string MerchantOrderNumber,
    string? RefundNumber,
    Money? LocalAmount,
    Money? ChannelAmount,
    string Detail);
