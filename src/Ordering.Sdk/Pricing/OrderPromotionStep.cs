using System.Globalization;
using System.Numerics;

namespace Ordering.Sdk.Pricing;

// Step 4: order-level promotions and presented coupons. Every applicable one becomes a candidate; the
// best-deal search tries every allowed combination (no two from one exclusivity group, a non-stackable one
// only alone) and applies the one with the largest saving. Ties go to fewer promotions, then the higher
// total priority, then the earlier candidates in application order (phase, priority, id). The search is
// exhaustive over at most PricingPolicy.MaxBestDealCandidates candidates (2^n combinations); the rest are
// reported as not considered. Inside a combination 满减 thresholds are read on the eligible amount before any
// order promotion; percentages apply to what is left; each amount is apportioned to its eligible lines.
internal static class OrderPromotionStep
{
    public static void Run(in PricingCall call)
    {
        var work = call.Work;
        var candidates = 0;
        var promotions = call.Policy.OrderPromotions;
        for (var p = 0; p < promotions.Length; p++)
        {
            var promotion = promotions[p];
            if (PromotionFilter.Reject(promotion, call) is { } rejected)
            {
                call.Output.AddEvaluation(promotion, rejected, 0);
                continue;
            }

            var baseAmount = EligibleBase(call, promotion, work.Remaining, out var anyEligible);
            if (!anyEligible)
            {
                call.Output.AddEvaluation(promotion, PromotionOutcome.NoEligibleItems, 0);
            }
            else if (baseAmount < Minimum(promotion) || baseAmount == 0)
            {
                call.Output.AddEvaluation(promotion, PromotionOutcome.BelowMinimum, 0);
            }
            else
            {
                AddCandidate(work, ref candidates, promotion, baseAmount);
            }
        }

        CollectCoupons(call, ref candidates);
        if (call.Output.HasErrors)
        {
            return;
        }

        SortCandidates(work, candidates, byApplicationOrder: false);
        var limit = Math.Min(candidates, call.Policy.MaxCandidates);
        for (var c = limit; c < candidates; c++)
        {
            call.Output.AddEvaluation(work.Candidates[c], PromotionOutcome.NotConsideredSearchLimit, 0);
        }

        SortCandidates(work, limit, byApplicationOrder: true);
        var best = Search(call, limit);
        if (best != 0)
        {
            Simulate(call, limit, best, record: true);
        }

        for (var c = 0; c < limit; c++)
        {
            var chosen = (best & (1 << c)) != 0;
            call.Output.AddEvaluation(work.Candidates[c], chosen ? PromotionOutcome.Applied : PromotionOutcome.NotInBestDeal, chosen ? work.CandidateBase[c] : work.CandidateAlone[c]);
        }

        ApplyManualOrderDiscount(call);
    }

    private static void CollectCoupons(in PricingCall call, ref int candidates)
    {
        var coupons = call.Context.Coupons;
        var work = call.Work;
        for (var k = 0; k < coupons.Count; k++)
        {
            var presented = coupons[k];
            if (presented.Code is null || !call.Policy.Coupons.TryGetValue(presented.Code, out var coupon) || PresentedBefore(coupons, k))
            {
                CouponError(call, PricingErrorCode.UnknownCoupon, k, $"优惠券“{presented.Code}”无效或重复使用", $"Coupon '{presented.Code}' is unknown or presented twice.");
                continue;
            }

            if (!coupon.IsValidAt(call.Instant))
            {
                CouponError(call, PricingErrorCode.CouponExpired, k, $"优惠券“{coupon.Name.ZhCn}”不在有效期内", $"Coupon '{coupon.Name.En}' is not valid at this time.");
                continue;
            }

            if (presented.PreviousRedemptions >= coupon.MaxRedemptions)
            {
                CouponError(call, PricingErrorCode.CouponUsedUp, k, $"优惠券“{coupon.Name.ZhCn}”已达使用上限", $"Coupon '{coupon.Name.En}' has reached its redemption limit.");
                continue;
            }

            var baseAmount = EligibleBase(call, coupon, work.Remaining, out var anyEligible);
            if (!coupon.RunsOn(call.Context.Channel) || !anyEligible || baseAmount == 0)
            {
                CouponError(call, PricingErrorCode.CouponNotApplicable, k, $"优惠券“{coupon.Name.ZhCn}”不适用于本单", $"Coupon '{coupon.Name.En}' does not apply to this order (channel or items).");
                continue;
            }

            if (baseAmount < coupon.MinimumSpend)
            {
                CouponError(
                    call,
                    PricingErrorCode.CouponNotApplicable,
                    k,
                    string.Create(CultureInfo.InvariantCulture, $"优惠券“{coupon.Name.ZhCn}”需满{coupon.MinimumSpend / 100m:0.00}元，当前可用金额{baseAmount / 100m:0.00}元"),
                    string.Create(CultureInfo.InvariantCulture, $"Coupon '{coupon.Name.En}' needs an eligible spend of {coupon.MinimumSpend} minor units; the order has {baseAmount}."));
                continue;
            }

            AddCandidate(work, ref candidates, coupon, baseAmount);
        }
    }

    private static bool PresentedBefore(IList<CouponPresentation> coupons, int k)
    {
        for (var j = 0; j < k; j++)
        {
            if (string.Equals(coupons[j].Code, coupons[k].Code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddCandidate(PricingWorkspace work, ref int candidates, CompiledPromotion promotion, long baseAmount)
    {
        if (candidates == work.Candidates.Length)
        {
            Array.Resize(ref work.Candidates, candidates * 2);
            Array.Resize(ref work.CandidateBase, candidates * 2);
            Array.Resize(ref work.CandidateAlone, candidates * 2);
        }

        work.Candidates[candidates] = promotion;
        work.CandidateBase[candidates] = baseAmount;
        work.CandidateAlone[candidates] = 0;
        candidates++;
    }

    // Insertion sort of the parallel candidate arrays (a handful of entries; no allocation).
    private static void SortCandidates(PricingWorkspace work, int count, bool byApplicationOrder)
    {
        for (var i = 1; i < count; i++)
        {
            var promotion = work.Candidates[i];
            var baseAmount = work.CandidateBase[i];
            var j = i - 1;
            while (j >= 0 && Compare(work.Candidates[j], promotion, byApplicationOrder) > 0)
            {
                work.Candidates[j + 1] = work.Candidates[j];
                work.CandidateBase[j + 1] = work.CandidateBase[j];
                j--;
            }

            work.Candidates[j + 1] = promotion;
            work.CandidateBase[j + 1] = baseAmount;
        }
    }

    private static int Compare(CompiledPromotion a, CompiledPromotion b, bool byApplicationOrder)
    {
        if (byApplicationOrder && a.Phase != b.Phase)
        {
            return a.Phase.CompareTo(b.Phase);
        }

        var byPriority = b.Priority.CompareTo(a.Priority);
        return byPriority != 0 ? byPriority : string.CompareOrdinal(a.Id, b.Id);
    }

    private static int Search(in PricingCall call, int count)
    {
        var work = call.Work;
        if (count == 1)
        {
            // One candidate: its simulation is its discount on the untouched amounts, which sum to the base.
            var promotion = work.Candidates[0];
            var baseAmount = work.CandidateBase[0];
            var alone = Math.Min(Math.Min(Discount(call, promotion, baseAmount, baseAmount), promotion.MaxDiscount), baseAmount);
            work.CandidateAlone[0] = alone;
            return alone == 0 ? 0 : 1;
        }

        int best = 0, bestCount = 0;
        long bestSaving = 0, bestPriority = 0;
        for (var mask = 1; mask < (1 << count); mask++)
        {
            if (!Allowed(work, mask, count))
            {
                continue;
            }

            var saving = Simulate(call, count, mask, record: false);
            var size = BitOperations.PopCount((uint)mask);
            if (size == 1)
            {
                work.CandidateAlone[BitOperations.TrailingZeroCount(mask)] = saving;
            }

            if (saving == 0)
            {
                continue;
            }

            long priority = 0;
            for (var c = 0; c < count; c++)
            {
                if ((mask & (1 << c)) != 0)
                {
                    priority += work.Candidates[c].Priority;
                }
            }

            var better = saving > bestSaving
                || (saving == bestSaving && (size < bestCount || (size == bestCount && priority > bestPriority)));
            if (best == 0 || better)
            {
                best = mask;
                bestSaving = saving;
                bestCount = size;
                bestPriority = priority;
            }
        }

        return best;
    }

    private static bool Allowed(PricingWorkspace work, int mask, int count)
    {
        if (BitOperations.PopCount((uint)mask) == 1)
        {
            return true;
        }

        ulong groups = 0;
        for (var c = 0; c < count; c++)
        {
            if ((mask & (1 << c)) == 0)
            {
                continue;
            }

            var promotion = work.Candidates[c];
            if (!promotion.Stackable)
            {
                return false;
            }

            if (promotion.Group >= 0)
            {
                var bit = 1UL << promotion.Group;
                if ((groups & bit) != 0)
                {
                    return false;
                }

                groups |= bit;
            }
        }

        return true;
    }

    // Applies the combination to a copy of the line amounts (or, with record, to the real ones, writing the
    // ledger) and returns the total saving. When recording, CandidateBase[c] is overwritten by what c saved.
    private static long Simulate(in PricingCall call, int count, int mask, bool record)
    {
        var work = call.Work;
        var lines = call.Count;
        var amounts = record ? work.Remaining : work.Simulated;
        if (!record)
        {
            Array.Copy(work.Remaining, work.Simulated, lines);
        }

        long total = 0;
        var last = 31 - BitOperations.LeadingZeroCount((uint)mask);
        for (var c = 0; c < count; c++)
        {
            if ((mask & (1 << c)) == 0)
            {
                continue;
            }

            var promotion = work.Candidates[c];
            var current = EligibleBase(call, promotion, amounts, out _);
            var discount = Math.Min(Math.Min(Discount(call, promotion, work.CandidateBase[c], current), promotion.MaxDiscount), current);

            // A simulation only needs the lines' amounts for the promotions after this one.
            if (discount > 0 && (record || c != last))
            {
                var weights = work.Weights;
                var shares = work.Shares;
                var skus = work.Skus;
                var eligibleSku = promotion.EligibleSku;
                var discounted = work.Discounted;
                var excludeDiscounted = promotion.ExcludeDiscountedItems;
                for (var i = 0; i < lines; i = unchecked(i + 1))
                {
                    // PromotionFilter.IsEligibleForOrder, with the arrays in locals.
                    weights[i] = eligibleSku[skus[i].Index] && !(excludeDiscounted && discounted[i]) ? amounts[i] : 0;
                }

                Apportioner.Apportion(discount, weights, shares, work.Remainders, work.Order, work.Keys, lines);
                var priced = call.Output.LineBuffer;
                for (var i = 0; i < lines; i = unchecked(i + 1))
                {
                    var share = shares[i];
                    amounts[i] = checked(amounts[i] - share);
                    if (record)
                    {
                        priced[i].OrderDiscount = checked(priced[i].OrderDiscount + share);
                        shares[i] = -share;
                    }
                }

                if (record)
                {
                    call.Output.AddAdjustment(promotion.AdjustmentKind, promotion.Id, promotion.Name, -discount, null, null, work.Shares, lines);
                }
            }

            if (record)
            {
                work.CandidateBase[c] = discount;
            }

            total += discount;
        }

        return total;
    }

    private static long Discount(in PricingCall call, CompiledPromotion promotion, long baseBeforeOrderPromotions, long current)
    {
        switch (promotion.Kind)
        {
            case PromotionKind.SpendTiers when promotion.RepeatTier:
                var times = Math.Min(baseBeforeOrderPromotions / promotion.TierThresholds[0], promotion.MaxApplications);
                return checked(times * promotion.TierAmounts[0]);
            case PromotionKind.SpendTiers:
                long amount = 0;
                for (var t = 0; t < promotion.TierThresholds.Length && promotion.TierThresholds[t] <= baseBeforeOrderPromotions; t++)
                {
                    amount = promotion.TierAmounts[t];
                }

                return amount;
            case PromotionKind.AmountOff:
                return promotion.AmountOff;
            default:
                return FenMath.MulDiv(current, promotion.PercentOff, FenMath.BasisPointsPerWhole, call.Policy.Rounding.Discount);
        }
    }

    private static long Minimum(CompiledPromotion promotion) =>
        promotion.Kind == PromotionKind.SpendTiers ? Math.Max(promotion.MinimumSpend, promotion.TierThresholds[0]) : promotion.MinimumSpend;

    private static long EligibleBase(in PricingCall call, CompiledPromotion promotion, long[] amounts, out bool anyEligible)
    {
        long total = 0;
        anyEligible = false;
        var work = call.Work;
        var skus = work.Skus;
        var eligibleSku = promotion.EligibleSku;
        var discounted = work.Discounted;
        var excludeDiscounted = promotion.ExcludeDiscountedItems;
        for (var i = 0; i < call.Count; i = unchecked(i + 1))
        {
            // PromotionFilter.IsEligibleForOrder, with the arrays in locals.
            if (eligibleSku[skus[i].Index] && !(excludeDiscounted && discounted[i]))
            {
                anyEligible = true;
                total = checked(total + amounts[i]);
            }
        }

        return total;
    }

    private static void ApplyManualOrderDiscount(in PricingCall call)
    {
        var manual = call.Context.ManualOrderDiscount;
        if (manual is null)
        {
            return;
        }

        if (!ManualDiscounts.IsValid(manual))
        {
            call.Output.AddError(PricingErrorCode.InvalidManualAdjustment, "context.manualOrderDiscount", ManualDiscounts.InvalidZh, ManualDiscounts.InvalidEn);
            return;
        }

        var work = call.Work;
        long baseAmount = 0;
        for (var i = 0; i < call.Count; i++)
        {
            work.Weights[i] = work.Skus[i].Item.Definition.Discountable ? work.Remaining[i] : 0;
            baseAmount += work.Weights[i];
        }

        var amount = ManualDiscounts.Amount(manual, baseAmount, call.Policy.Rounding.Discount);
        if (amount == 0)
        {
            return;
        }

        Apportioner.Apportion(amount, work.Weights, work.Shares, work.Remainders, work.Order, work.Keys, call.Count);
        for (var i = 0; i < call.Count; i++)
        {
            work.Remaining[i] -= work.Shares[i];
            call.Output.LineBuffer[i].OrderDiscount += work.Shares[i];
            work.Shares[i] = -work.Shares[i];
        }

        call.Output.AddAdjustment(AdjustmentKind.ManualOrderDiscount, ManualDiscounts.RuleId, ManualDiscounts.Name, -amount, manual.Reason, manual.OperatorId, work.Shares, call.Count);
    }

    private static void CouponError(in PricingCall call, PricingErrorCode code, int index, string zh, string en) =>
        call.Output.AddError(code, string.Create(CultureInfo.InvariantCulture, $"context.coupons[{index}]"), zh, en);
}
