namespace Ordering.Sdk.Payments;

/// <summary>One ledger entry: a top-up, debit, reversal or refund, split into principal and gift.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Reference">The top-up reference, merchant order number or refund number.</param>
/// <param name="Principal">The principal change (negative for a debit).</param>
/// <param name="Gift">The gift change (negative for a debit).</param>
/// <param name="BalanceAfter">The balance after the entry.</param>
public sealed record StoredValueEntry(string MemberId, string Reference, Money Principal, Money Gift, StoredValueBalance BalanceAfter);
