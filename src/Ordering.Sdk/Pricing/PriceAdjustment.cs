using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>
/// One entry of the adjustment ledger: what (kind, rule id, name), why (reason, operator for manual entries),
/// how much (signed amount) and which lines (<see cref="PricingResult.GetShares"/>; shares sum to the amount).
/// </summary>
public readonly struct PriceAdjustment
{
    internal PriceAdjustment(AdjustmentKind kind, string ruleId, LocalizedText name, long amount, string? reason, string? operatorId, int shareStart, int shareCount)
    {
        Kind = kind;
        RuleId = ruleId;
        Name = name;
        Amount = amount;
        Reason = reason;
        OperatorId = operatorId;
        ShareStart = shareStart;
        ShareCount = shareCount;
    }

    /// <summary>Gets what the entry is.</summary>
    public AdjustmentKind Kind { get; }

    /// <summary>Gets the id of the promotion, coupon code, fee, tax rate or rounding rule.</summary>
    public string RuleId { get; }

    /// <summary>Gets the display name.</summary>
    public LocalizedText Name { get; }

    /// <summary>Gets the signed amount in minor units: negative for discounts and rounding down, positive for fees, tax and rounding up.</summary>
    public long Amount { get; }

    /// <summary>Gets the reason of a manual entry.</summary>
    public string? Reason { get; }

    /// <summary>Gets the operator of a manual entry.</summary>
    public string? OperatorId { get; }

    /// <summary>Gets a value indicating whether the entry changes the amount due: included tax does not, and a price
    /// override is already part of the line's gross (it is listed to explain the price).</summary>
    public bool AffectsAmountDue => Kind is not (AdjustmentKind.TaxIncluded or AdjustmentKind.PriceOverride);

    internal int ShareStart { get; }

    internal int ShareCount { get; }
}
