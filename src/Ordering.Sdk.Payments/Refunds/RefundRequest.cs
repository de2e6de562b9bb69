namespace Ordering.Sdk.Payments;

/// <summary>A refund: of an amount, or of order lines priced by the order's price snapshot.</summary>
/// <param name="OrderId">The order to refund.</param>
/// <param name="RefundNumber">The caller's refund number; repeating it returns the same refund (it happens once).</param>
/// <remarks>
/// Set exactly one of <see cref="Amount"/> and <see cref="Lines"/>. Without <see cref="AttemptId"/> the
/// refund is spread over the order's captured tenders, oldest first. It is never more than what was
/// captured minus what was refunded.
/// </remarks>
public sealed record RefundRequest(string OrderId, string RefundNumber)
{
    /// <summary>Gets the amount to refund, or <see langword="null"/> to refund <see cref="Lines"/>.</summary>
    public Money? Amount { get; init; }

    /// <summary>Gets the lines to refund with their refundable amounts from the price snapshot.</summary>
    public IReadOnlyList<RefundLine>? Lines { get; init; }

    /// <summary>Gets the attempt to refund, or <see langword="null"/> to spread over the order's tenders.</summary>
    public string? AttemptId { get; init; }

    /// <summary>Gets the reason, for the audit trail.</summary>
    public string? Reason { get; init; }
}
