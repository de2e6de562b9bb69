namespace Ordering.Sdk.Pricing;

/// <summary>
/// Everything about pricing that is not the menu: promotions, coupons, fees, tax and rounding. Serializable
/// with <see cref="Serialization.PricingJson"/>; validated eagerly by <see cref="PricingEngine.Create"/>.
/// </summary>
public sealed class PricingPolicy
{
    /// <summary>Gets the automatic promotions.</summary>
    public IReadOnlyList<PromotionDefinition> Promotions { get; init; } = [];

    /// <summary>Gets the coupons diners can present.</summary>
    public IReadOnlyList<CouponDefinition> Coupons { get; init; } = [];

    /// <summary>Gets the fees, applied in list order (minimum-spend top-ups last).</summary>
    public IReadOnlyList<FeeDefinition> Fees { get; init; } = [];

    /// <summary>Gets the tax rates.</summary>
    public IReadOnlyList<TaxRateDefinition> TaxRates { get; init; } = [];

    /// <summary>Gets the rate of items without their own, or <see langword="null"/> for untaxed.</summary>
    public string? DefaultTaxRateId { get; init; }

    /// <summary>Gets whether prices include tax.</summary>
    /// <value>The default value is <see cref="TaxMode.Inclusive"/>.</value>
    public TaxMode TaxMode { get; init; } = TaxMode.Inclusive;

    /// <summary>Gets where tax is rounded.</summary>
    /// <value>The default value is <see cref="TaxCalculation.PerRate"/>.</value>
    public TaxCalculation TaxCalculation { get; init; } = TaxCalculation.PerRate;

    /// <summary>Gets the 抹零 rule.</summary>
    public CashRounding CashRounding { get; init; } = new();

    /// <summary>Gets the rounding of intermediate amounts.</summary>
    public RoundingRules Rounding { get; init; } = new();

    /// <summary>Gets how many applicable order-level promotions and coupons the best-deal search considers (2^n combinations).</summary>
    /// <value>The default value is 10; at most 16. Beyond it the lowest-priority candidates are reported as not considered.</value>
    public int MaxBestDealCandidates { get; init; } = 10;
}
