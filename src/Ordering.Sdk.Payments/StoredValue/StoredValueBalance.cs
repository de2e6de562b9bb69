namespace Ordering.Sdk.Payments;

/// <summary>A member's stored value: principal (paid in) and gift (bonus) balances.</summary>
/// <param name="Principal">The balance the member paid in (本金).</param>
/// <param name="Gift">The bonus balance (赠送金).</param>
public readonly record struct StoredValueBalance(Money Principal, Money Gift)
{
    /// <summary>Gets the spendable total.</summary>
    public Money Total => Principal + Gift;
}
