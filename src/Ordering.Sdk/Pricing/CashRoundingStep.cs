using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

// Step 7: 抹零 on the amount due, recorded as its own adjustment and apportioned to lines so that line
// totals still sum to the amount due (refunds and reports need per-line income). Also totals the order.
internal static class CashRoundingStep
{
    public const string RuleId = "cash-rounding";

    public static readonly LocalizedText Name = new("抹零", "Rounding");

    public static PricingTotals Run(in PricingCall call)
    {
        var work = call.Work;
        var lines = call.Output.LineBuffer;
        var count = call.Count;
        long beforeRounding = 0;
        for (var i = 0; i < count; i++)
        {
            work.Weights[i] = checked(work.Remaining[i] + lines[i].Fees + lines[i].TaxAdded);
            beforeRounding = checked(beforeRounding + work.Weights[i]);
        }

        var adjustment = FenMath.RoundToUnit(beforeRounding, call.Policy.CashUnit, call.Policy.CashMode) - beforeRounding;
        if (adjustment != 0)
        {
            Apportioner.Apportion(adjustment, work.Weights, work.Shares, work.Remainders, work.Order, work.Keys, count);
            call.Output.AddAdjustment(AdjustmentKind.Rounding, RuleId, Name, adjustment, null, null, work.Shares, count);
        }

        long subtotal = 0, itemDiscounts = 0, orderDiscounts = 0, fees = 0, tax = 0, taxAdded = 0, due = 0;
        for (var i = 0; i < count; i++)
        {
            ref var line = ref lines[i];
            line.Rounding = adjustment == 0 ? 0 : work.Shares[i];
            line.Total = checked(work.Weights[i] + line.Rounding);
            subtotal = checked(subtotal + line.Gross);
            itemDiscounts += line.ItemDiscount;
            orderDiscounts += line.OrderDiscount;
            fees += line.Fees;
            tax += line.Tax;
            taxAdded += line.TaxAdded;
            due = checked(due + line.Total);
        }

        return new PricingTotals(subtotal, itemDiscounts, orderDiscounts, fees, tax, taxAdded, adjustment, due);
    }
}
