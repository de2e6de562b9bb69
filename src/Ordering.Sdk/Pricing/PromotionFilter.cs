namespace Ordering.Sdk.Pricing;

// The checks every promotion passes before its amounts are looked at: validity, window, channel, member.
internal static class PromotionFilter
{
    public static PromotionOutcome? Reject(CompiledPromotion promotion, in PricingCall call)
    {
        if (!promotion.IsValidAt(call.Instant))
        {
            return PromotionOutcome.OutsideValidity;
        }

        if (promotion.Window is { } window && !window.Contains(call.LocalTime))
        {
            return PromotionOutcome.OutsideTimeWindow;
        }

        if (!promotion.RunsOn(call.Context.Channel))
        {
            return PromotionOutcome.ChannelNotEligible;
        }

        if (promotion.MembersOnly && !call.IsMember)
        {
            return PromotionOutcome.MembersOnly;
        }

        return null;
    }

    // A line an order-level promotion may reduce.
    public static bool IsEligibleForOrder(CompiledPromotion promotion, PricingWorkspace work, int line) =>
        promotion.EligibleSku[work.Skus[line].Index] && !(promotion.ExcludeDiscountedItems && work.Discounted[line]);
}
