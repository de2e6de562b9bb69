namespace Ordering.Sdk.Pricing;

// Step 5: fees in policy order (minimum-spend top-ups last), each apportioned to lines by largest remainder
// (per-item packaging lands on its own lines). Fees are computed after every discount and never discounted.
internal static class FeeStep
{
    public static void Run(in PricingCall call)
    {
        var fees = call.Policy.Fees;
        for (var f = 0; f < fees.Length; f++)
        {
            if (fees[f].AppliesTo(call.Context.OrderType, call.Context.Area))
            {
                Apply(call, fees[f]);
            }
        }
    }

    // The work arrays are read into locals once: as fields of a class the JIT would reload them on every
    // iteration, because each store into an array might have changed them.
    private static void Apply(in PricingCall call, CompiledFee fee)
    {
        var work = call.Work;
        var lines = call.Output.LineBuffer;
        var definition = fee.Definition;
        var count = call.Count;
        var skus = work.Skus;
        var eligibleSku = fee.EligibleSku;
        var remaining = work.Remaining;
        var weights = work.Weights;
        var shares = work.Shares;
        long amount;
        switch (definition.Kind)
        {
            case FeeKind.ServiceCharge:
                long baseAmount = 0;
                var preDiscount = definition.Base == ServiceChargeBase.PreDiscount;
                for (var i = 0; i < count; i = unchecked(i + 1))
                {
                    var weight = !eligibleSku[skus[i].Index] ? 0 : preDiscount ? lines[i].Gross : remaining[i];
                    weights[i] = weight;
                    baseAmount = checked(baseAmount + weight);
                }

                amount = FenMath.MulDiv(baseAmount, definition.PercentBasisPoints, FenMath.BasisPointsPerWhole, call.Policy.Rounding.ServiceCharge);
                Apportioner.Apportion(amount, weights, shares, work.Remainders, work.Order, work.Keys, count);
                break;
            case FeeKind.PackagingPerItem:
                amount = 0;
                var units = work.Units;
                var perItem = definition.Amount;
                for (var i = 0; i < count; i = unchecked(i + 1))
                {
                    var share = eligibleSku[skus[i].Index] ? checked(perItem * units[i]) : 0;
                    shares[i] = share;
                    amount = checked(amount + share);
                }

                break;
            default:
                amount = definition.Kind switch
                {
                    FeeKind.PerGuest => checked(definition.Amount * call.Context.GuestCount),
                    FeeKind.PackagingPerOrder => definition.Amount,
                    _ => TopUp(call, definition),
                };
                Array.Copy(remaining, weights, count);
                Apportioner.Apportion(amount, weights, shares, work.Remainders, work.Order, work.Keys, count);
                break;
        }

        if (amount == 0)
        {
            return;
        }

        var taxableFees = work.TaxableFees;
        var taxable = definition.Taxable;
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            var share = shares[i];
            ref var line = ref lines[i];
            line.Fees = checked(line.Fees + share);
            if (taxable)
            {
                taxableFees[i] = checked(taxableFees[i] + share);
            }
        }

        call.Output.AddAdjustment(fee.AdjustmentKind, definition.Id, definition.Name, amount, null, null, shares, count);
    }

    private static long TopUp(in PricingCall call, FeeDefinition definition)
    {
        long current = 0;
        var lines = call.Output.LineBuffer;
        for (var i = 0; i < call.Count; i++)
        {
            current = checked(current + call.Work.Remaining[i] + (definition.CountFeesTowardMinimum ? lines[i].Fees : 0));
        }

        return Math.Max(0, definition.Amount - current);
    }
}
