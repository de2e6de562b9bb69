namespace Ordering.Sdk.Payments;

/// <summary>One order line to refund and the amount to refund for it (computed by the caller from the price snapshot).</summary>
/// <param name="LineId">The order line id.</param>
/// <param name="Amount">The amount to refund for the line.</param>
public sealed record RefundLine(string LineId, Money Amount);
