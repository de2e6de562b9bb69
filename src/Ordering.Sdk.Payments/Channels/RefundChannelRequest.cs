namespace Ordering.Sdk.Payments;

/// <summary>A request to a channel to refund part or all of a captured charge.</summary>
/// <param name="MerchantOrderNumber">The charge's merchant order number.</param>
/// <param name="RefundNumber">The merchant's refund number (out_refund_no); the same on every re-send, so a refund happens once.</param>
/// <param name="Amount">The amount to refund.</param>
/// <param name="CapturedAmount">The amount the charge captured.</param>
/// <param name="PayerId">The payer of the charge (member id for stored value), if any.</param>
public sealed record RefundChannelRequest(string MerchantOrderNumber, string RefundNumber, Money Amount, Money CapturedAmount, string? PayerId);
