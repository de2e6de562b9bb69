namespace Ordering.Sdk.Payments;

/// <summary>One corrective action proposed by reconciliation.</summary>
/// <param name="Id">A stable id: the same discrepancy gives the same id on every run, which makes applying idempotent.</param>
/// <param name="Kind">What to do.</param>
/// <param name="Channel">The channel.</param>
/// <param name="MerchantOrderNumber">The merchant order number.</param>
/// <param name="RefundNumber">The refund number to use or check, where one applies.</param>
/// <param name="Amount">The amount concerned.</param>
/// <param name="ChannelTransactionId">The channel's transaction id, when the bill gave one.</param>
/// <param name="Reason">Why, for staff.</param>
public sealed record CorrectiveAction(
    string Id,
    CorrectiveActionKind Kind,
    PaymentChannelId Channel,
    string MerchantOrderNumber,
    string? RefundNumber,
    Money Amount,
    string? ChannelTransactionId,
    string Reason);
