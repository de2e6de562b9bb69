namespace Ordering.Sdk.Orders;

/// <summary>A coupon that stays on the order but does not apply to it now, and why.</summary>
/// <param name="Code">The coupon code.</param>
/// <param name="ReasonCode">The pricing engine's error code, for example <c>coupon_not_applicable</c>.</param>
/// <param name="MessageEn">Why, in English.</param>
/// <param name="MessageZh">Why, in Simplified Chinese.</param>
public sealed record InactiveCoupon(string Code, string ReasonCode, string MessageEn, string MessageZh);
