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

    private static void Apply(in PricingCall call, CompiledFee fee)
    {
        var work = call.Work;
        var lines = call.Output.LineBuffer;
        var definition = fee.Definition;
        var count = call.Count;
        long amount;
        switch (definition.Kind)
        {
            case FeeKind.ServiceCharge:
                long baseAmount = 0;
                for (var i = 0; i < count; i++)
                {
                    var eligible = fee.EligibleSku[work.Skus[i].Index];
                    work.Weights[i] = !eligible ? 0 : definition.Base == ServiceChargeBase.PreDiscount ? lines[i].Gross : work.Remaining[i];
                    baseAmount = checked(baseAmount + work.Weights[i]);
                }

                amount = FenMath.MulDiv(baseAmount, definition.PercentBasisPoints, FenMath.BasisPointsPerWhole, call.Policy.Rounding.ServiceCharge);
                Apportioner.Apportion(amount, work.Weights, work.Shares, work.Remainders, work.Order, work.Keys, count);
                break;
            case FeeKind.PackagingPerItem:
                amount = 0;
                for (var i = 0; i < count; i++)
                {
                    work.Shares[i] = fee.EligibleSku[work.Skus[i].Index] ? checked(definition.Amount * work.Units[i]) : 0;
                    amount = checked(amount + work.Shares[i]);
                }

                break;
            default:
                amount = definition.Kind switch
                {
                    FeeKind.PerGuest => checked(definition.Amount * call.Context.GuestCount),
                    FeeKind.PackagingPerOrder => definition.Amount,
                    _ => TopUp(call, definition),
                };
                Array.Copy(work.Remaining, work.Weights, count);
                Apportioner.Apportion(amount, work.Weights, work.Shares, work.Remainders, work.Order, work.Keys, count);
                break;
        }

        if (amount == 0)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            lines[i].Fees = checked(lines[i].Fees + work.Shares[i]);
            if (definition.Taxable)
            {
                work.TaxableFees[i] += work.Shares[i];
            }
        }

        call.Output.AddAdjustment(fee.AdjustmentKind, definition.Id, definition.Name, amount, null, null, work.Shares, count);
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
