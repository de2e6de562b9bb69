namespace Ordering.Sdk.Payments;

/// <summary>
/// The member stored value ledger (会员储值) behind <see cref="StoredValueChannel"/>: principal and gift
/// balances, debit and credit entries, never negative, idempotent by entry key.
/// </summary>
/// <remarks>
/// A debit takes principal and gift in proportion to the balances (<see cref="StoredValueAllocation.Debit"/>);
/// a refund gives back to each balance its share of what the debit took (<see cref="StoredValueAllocation.Refund"/>),
/// so gift never turns into principal. Implementations: <see cref="StoredValueLedger"/> in memory, and a durable
/// SQLite ledger in <c>Ordering.Sdk.Storage.Sqlite</c>.
/// </remarks>
public interface IStoredValueLedger
{
    /// <summary>Adds principal and gift to a member's balance; idempotent by <paramref name="reference"/>.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="principal">The principal paid in (not negative).</param>
    /// <param name="gift">The gift granted (not negative).</param>
    /// <param name="reference">The top-up's unique reference.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance after the top-up (the current balance when the reference was already used).</returns>
    /// <exception cref="ArgumentException">An argument is empty or negative, or the currencies differ.</exception>
    ValueTask<StoredValueBalance> TopUpAsync(string memberId, Money principal, Money gift, string reference, CancellationToken cancellationToken = default);

    /// <summary>Gets a member's balance.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance (zero CNY for an unknown member).</returns>
    ValueTask<StoredValueBalance> GetBalanceAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>Gets a member's entries, oldest first.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<StoredValueEntry>> GetEntriesAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>Debits a member for a charge; idempotent by <paramref name="merchantOrderNumber"/>.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="merchantOrderNumber">The payment attempt's merchant order number.</param>
    /// <param name="amount">The amount (positive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Succeeded, Cancelled (the debit was reversed) or Declined (insufficient balance).</returns>
    ValueTask<ChannelResult> DebitAsync(string memberId, string merchantOrderNumber, Money amount, CancellationToken cancellationToken = default);

    /// <summary>Gets what became of a debit.</summary>
    /// <param name="merchantOrderNumber">The merchant order number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Succeeded, Cancelled (reversed) or NotFound.</returns>
    ValueTask<ChannelResult> QueryDebitAsync(string merchantOrderNumber, CancellationToken cancellationToken = default);

    /// <summary>Reverses a debit (what it took and was not refunded goes back); idempotent.</summary>
    /// <param name="merchantOrderNumber">The merchant order number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cancelled.</returns>
    ValueTask<ChannelResult> ReverseDebitAsync(string merchantOrderNumber, CancellationToken cancellationToken = default);

    /// <summary>Refunds part or all of a debit; idempotent by <paramref name="refundNumber"/>.</summary>
    /// <param name="merchantOrderNumber">The debit's merchant order number.</param>
    /// <param name="refundNumber">The refund number.</param>
    /// <param name="amount">The amount (positive, at most what remains of the debit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Succeeded, or Declined when there is no such debit or the amount exceeds what remains.</returns>
    ValueTask<ChannelResult> RefundDebitAsync(string merchantOrderNumber, string refundNumber, Money amount, CancellationToken cancellationToken = default);

    /// <summary>Gets a refund of a debit.</summary>
    /// <param name="merchantOrderNumber">The debit's merchant order number.</param>
    /// <param name="refundNumber">The refund number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Succeeded with the amount, or NotFound.</returns>
    ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken = default);
}
