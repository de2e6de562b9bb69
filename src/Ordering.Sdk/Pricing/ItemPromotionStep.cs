namespace Ordering.Sdk.Pricing;

// Step 3: item-level promotions in priority order, then manual line discounts. A non-stackable promotion
// claims the lines it discounts; every discount is capped at what is left of its line.
internal static class ItemPromotionStep
{
    public static void Run(in PricingCall call)
    {
        var promotions = call.Policy.ItemPromotions;
        for (var p = 0; p < promotions.Length; p++)
        {
            Apply(call, promotions[p]);
        }

        ApplyManualDiscounts(call);
    }

    private static void Apply(in PricingCall call, CompiledPromotion promotion)
    {
        var result = call.Output;
        if (PromotionFilter.Reject(promotion, call) is { } rejected)
        {
            result.AddEvaluation(promotion, rejected, 0);
            return;
        }

        var work = call.Work;
        var count = call.Count;
        var discounts = work.Scratch;
        Array.Clear(discounts, 0, count);
        long eligibleAmount = 0;
        var anyTarget = false;
        var skus = work.Skus;
        var eligibleSku = promotion.EligibleSku;
        var remaining = work.Remaining;
        var claimed = work.Claimed;
        var stackable = promotion.Stackable;
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            if (eligibleSku[skus[i].Index])
            {
                anyTarget = true;
                if (remaining[i] > 0 && (stackable || !claimed[i]))
                {
                    eligibleAmount = checked(eligibleAmount + remaining[i]);
                }
            }
        }

        if (!anyTarget && promotion.Kind != PromotionKind.Gift)
        {
            result.AddEvaluation(promotion, PromotionOutcome.NoEligibleItems, 0);
            return;
        }

        if (eligibleAmount == 0 && promotion.Kind != PromotionKind.Gift)
        {
            result.AddEvaluation(promotion, PromotionOutcome.ItemsAlreadyDiscounted, 0);
            return;
        }

        if (eligibleAmount < promotion.MinimumSpend)
        {
            result.AddEvaluation(promotion, PromotionOutcome.BelowMinimum, 0);
            return;
        }

        var outcome = promotion.Kind switch
        {
            PromotionKind.ItemPercent => Percent(call, promotion, discounts),
            PromotionKind.SpecialPrice => SpecialPrice(call, promotion, discounts),
            PromotionKind.Gift => Gift(call, promotion, discounts, eligibleAmount),
            _ => Grouped(call, promotion, discounts),
        };

        if (outcome is { } notApplied)
        {
            result.AddEvaluation(promotion, notApplied, 0);
            return;
        }

        var total = Cap(call, promotion.MaxDiscount, discounts);
        if (total == 0)
        {
            result.AddEvaluation(promotion, PromotionOutcome.BelowMinimum, 0);
            return;
        }

        var discounted = work.Discounted;
        var lines = call.Output.LineBuffer;
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            var discount = discounts[i];
            if (discount != 0)
            {
                remaining[i] = checked(remaining[i] - discount);
                discounted[i] = true;
                claimed[i] |= !stackable;
                lines[i].ItemDiscount = checked(lines[i].ItemDiscount + discount);
                discounts[i] = -discount;
            }
        }

        result.AddAdjustment(promotion.AdjustmentKind, promotion.Id, promotion.Name, -total, null, null, discounts, count);
        result.AddEvaluation(promotion, PromotionOutcome.Applied, total);
    }

    private static bool IsOpen(CompiledPromotion promotion, PricingWorkspace work, int i) =>
        work.Remaining[i] > 0 && (promotion.Stackable || !work.Claimed[i]);

    private static PromotionOutcome? Percent(in PricingCall call, CompiledPromotion promotion, long[] discounts)
    {
        var work = call.Work;
        var skus = work.Skus;
        var eligibleSku = promotion.EligibleSku;
        var remaining = work.Remaining;
        var claimed = work.Claimed;
        var stackable = promotion.Stackable;
        var percentOff = promotion.PercentOff;
        var rounding = call.Policy.Rounding.Discount;
        for (var i = 0; i < call.Count; i = unchecked(i + 1))
        {
            if (eligibleSku[skus[i].Index] && remaining[i] > 0 && (stackable || !claimed[i]))
            {
                discounts[i] = FenMath.MulDiv(remaining[i], percentOff, FenMath.BasisPointsPerWhole, rounding);
            }
        }

        return null;
    }

    // Modifiers keep their price: only the dish's own unit price drops to the special price.
    private static PromotionOutcome? SpecialPrice(in PricingCall call, CompiledPromotion promotion, long[] discounts)
    {
        var work = call.Work;
        for (var i = 0; i < call.Count; i++)
        {
            if (promotion.EligibleSku[work.Skus[i].Index] && IsOpen(promotion, work, i) && call.Output.LineBuffer[i].WeightGrams == 0)
            {
                var perUnit = work.UnitBase[i] - promotion.SpecialPrice;
                if (perUnit > 0)
                {
                    discounts[i] = Math.Min(work.Remaining[i], checked(perUnit * work.Units[i]));
                }
            }
        }

        return null;
    }

    // Buy X get Y and Nth item: eligible units are pooled across lines; every GroupSize units, the
    // DiscountedPerGroup cheapest (or dearest) units get PercentOff.
    private static PromotionOutcome? Grouped(in PricingCall call, CompiledPromotion promotion, long[] discounts)
    {
        var work = call.Work;
        var candidates = 0;
        long units = 0;
        for (var i = 0; i < call.Count; i++)
        {
            if (promotion.EligibleSku[work.Skus[i].Index] && IsOpen(promotion, work, i) && call.Output.LineBuffer[i].WeightGrams == 0)
            {
                work.Order[candidates++] = i;
                units += work.Units[i];
            }
        }

        var sets = Math.Min(units / promotion.GroupSize, promotion.MaxApplications);
        if (sets == 0)
        {
            return PromotionOutcome.BelowMinimum;
        }

        var discountedUnits = sets * promotion.DiscountedPerGroup;
        IndexSort.Sort(work.Order.AsSpan(0, candidates), new ByUnitPrice(work.UnitGross, promotion.FreeUnits == FreeUnitChoice.MostExpensiveFirst));
        for (var k = 0; k < candidates && discountedUnits > 0; k++)
        {
            var i = work.Order[k];
            var take = Math.Min(discountedUnits, work.Units[i]);
            discountedUnits -= take;
            var amount = FenMath.MulDiv(checked(work.UnitGross[i] * take), promotion.PercentOff, FenMath.BasisPointsPerWhole, call.Policy.Rounding.Discount);
            discounts[i] = Math.Min(amount, work.Remaining[i]);
        }

        return null;
    }

    // 买赠: the trigger is eligible units bought (gift lines excluded) or eligible spend; the earned gift units
    // in the order become free.
    private static PromotionOutcome? Gift(in PricingCall call, CompiledPromotion promotion, long[] discounts, long eligibleAmount)
    {
        var work = call.Work;
        long triggerUnits = 0;
        for (var i = 0; i < call.Count; i++)
        {
            if (work.Skus[i].Index != promotion.GiftSkuIndex && promotion.EligibleSku[work.Skus[i].Index])
            {
                triggerUnits += work.Units[i];
            }
        }

        long sets = promotion.BuyQuantity > 0 ? triggerUnits / promotion.BuyQuantity : (eligibleAmount >= promotion.MinimumSpend ? 1 : 0);
        sets = Math.Min(sets, promotion.MaxApplications);
        if (sets == 0)
        {
            return PromotionOutcome.BelowMinimum;
        }

        var giftUnits = sets * promotion.GiftQuantity;
        var found = false;
        for (var i = 0; i < call.Count && giftUnits > 0; i++)
        {
            if (work.Skus[i].Index == promotion.GiftSkuIndex && IsOpen(promotion, work, i))
            {
                found = true;
                var take = Math.Min(giftUnits, work.Units[i]);
                giftUnits -= take;
                discounts[i] = Math.Min(checked(work.UnitGross[i] * take), work.Remaining[i]);
            }
        }

        return found ? null : PromotionOutcome.GiftNotInOrder;
    }

    // Caps the promotion's total; a capped total is re-apportioned over the lines in proportion to their
    // uncapped discounts, so no line gets more than it would have.
    internal static long Cap(in PricingCall call, long maxDiscount, long[] discounts)
    {
        var work = call.Work;
        long total = 0;
        for (var i = 0; i < call.Count; i = unchecked(i + 1))
        {
            total = checked(total + discounts[i]);
        }

        if (total <= maxDiscount)
        {
            return total;
        }

        Array.Copy(discounts, work.Weights, call.Count);
        Apportioner.Apportion(maxDiscount, work.Weights, discounts, work.Remainders, work.Order, work.Keys, call.Count);
        return maxDiscount;
    }

    private static void ApplyManualDiscounts(in PricingCall call)
    {
        var work = call.Work;
        var shares = work.Scratch;
        for (var i = 0; i < call.Count; i++)
        {
            var manual = call.Request.Lines[i].ManualDiscount;
            if (manual is null)
            {
                continue;
            }

            if (!ManualDiscounts.IsValid(manual))
            {
                call.Output.AddError(PricingErrorCode.InvalidManualAdjustment, ManualDiscounts.LinePath(i), ManualDiscounts.InvalidZh, ManualDiscounts.InvalidEn);
                continue;
            }

            var amount = ManualDiscounts.Amount(manual, work.Remaining[i], call.Policy.Rounding.Discount);
            if (amount == 0)
            {
                continue;
            }

            Array.Clear(shares, 0, call.Count);
            shares[i] = -amount;
            work.Remaining[i] -= amount;
            work.Discounted[i] = true;
            call.Output.LineBuffer[i].ItemDiscount += amount;
            call.Output.AddAdjustment(AdjustmentKind.ManualItemDiscount, ManualDiscounts.RuleId, ManualDiscounts.Name, -amount, manual.Reason, manual.OperatorId, shares, call.Count);
        }
    }

    private readonly struct ByUnitPrice(long[] unitGross, bool descending) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byPrice = descending ? unitGross[y].CompareTo(unitGross[x]) : unitGross[x].CompareTo(unitGross[y]);
            return byPrice != 0 ? byPrice : x.CompareTo(y);
        }
    }
}
