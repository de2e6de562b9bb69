namespace Ordering.Sdk.Payments;

/// <summary>
/// How stored value money is split between the principal (本金) and gift (赠送金) balances, shared by every
/// <see cref="IStoredValueLedger"/> so all ledgers split the same fen the same way.
/// </summary>
/// <remarks>
/// A debit takes principal in proportion to the balances, rounded down, the rest from gift. Refunds restore
/// cumulatively: after refunds totalling r of a debit of total T that took principal P, the principal
/// restored is ⌊P·r/T⌋, so a full refund gives each balance back exactly what was taken and no partial
/// refund gives back more gift or principal than was taken.
/// </remarks>
public static class StoredValueAllocation
{
    /// <summary>Splits a debit of <paramref name="amount"/> from <paramref name="balance"/>.</summary>
    /// <param name="balance">The balance before the debit; its total must cover the amount.</param>
    /// <param name="amount">The amount to debit (positive).</param>
    /// <returns>The principal and gift parts to take (they sum to <paramref name="amount"/>, neither exceeds its balance).</returns>
    /// <exception cref="ArgumentException">The amount is not positive, its currency differs, or the balance does not cover it.</exception>
    public static StoredValueBalance Debit(StoredValueBalance balance, Money amount)
    {
        if (amount.MinorUnits <= 0 || amount.Currency != balance.Principal.Currency || balance.Total < amount)
        {
            throw new ArgumentException($"amount: must be positive, in {balance.Principal.Currency} and covered by the balance {balance.Total} (was {amount}).", nameof(amount));
        }

        var principal = new Money(checked(amount.MinorUnits * balance.Principal.MinorUnits / balance.Total.MinorUnits), amount.Currency);
        var gift = amount - principal;
        if (gift > balance.Gift)
        {
            gift = balance.Gift;
            principal = amount - gift;
        }

        return new StoredValueBalance(principal, gift);
    }

    /// <summary>Splits a refund of part of a debit between the balances.</summary>
    /// <param name="debit">What the debit took from each balance.</param>
    /// <param name="refundedBefore">What earlier refunds of the debit returned in total.</param>
    /// <param name="principalRestoredBefore">What earlier refunds returned to principal.</param>
    /// <param name="amount">The refund (positive, at most what remains of the debit).</param>
    /// <returns>The principal and gift parts to give back (they sum to <paramref name="amount"/>).</returns>
    /// <exception cref="ArgumentException">The amount is not positive or exceeds what remains of the debit.</exception>
    public static StoredValueBalance Refund(StoredValueBalance debit, Money refundedBefore, Money principalRestoredBefore, Money amount)
    {
        if (amount.MinorUnits <= 0 || amount > debit.Total - refundedBefore)
        {
            throw new ArgumentException($"amount: must be positive and at most the {debit.Total - refundedBefore} that remains of the debit (was {amount}).", nameof(amount));
        }

        var refundedAfter = refundedBefore + amount;
        var principalTarget = new Money(checked(debit.Principal.MinorUnits * refundedAfter.MinorUnits / debit.Total.MinorUnits), amount.Currency);
        var principal = principalTarget - principalRestoredBefore;
        return new StoredValueBalance(principal, amount - principal);
    }
}
