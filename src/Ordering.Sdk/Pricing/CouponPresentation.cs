namespace Ordering.Sdk.Pricing;

/// <summary>A coupon code the diner presents, with how often the code was already redeemed (from the host's records).</summary>
/// <param name="Code">The coupon code.</param>
/// <param name="PreviousRedemptions">Redemptions so far, checked against <see cref="CouponDefinition.MaxRedemptions"/>.</param>
public readonly record struct CouponPresentation(string Code, int PreviousRedemptions = 0);
