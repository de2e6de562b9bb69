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
        var remaining = work.Remaining;
        var weights = work.Weights;
        var shares = work.Shares;
        long beforeRounding = 0;
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            ref readonly var line = ref lines[i];
            var weight = checked(remaining[i] + line.Fees + line.TaxAdded);
            weights[i] = weight;
            beforeRounding = checked(beforeRounding + weight);
        }

        var adjustment = FenMath.RoundToUnit(beforeRounding, call.Policy.CashUnit, call.Policy.CashMode) - beforeRounding;
        if (adjustment != 0)
        {
            Apportioner.Apportion(adjustment, weights, shares, work.Remainders, work.Order, work.Keys, count);
            call.Output.AddAdjustment(AdjustmentKind.Rounding, RuleId, Name, adjustment, null, null, shares, count);
        }

        long subtotal = 0, itemDiscounts = 0, orderDiscounts = 0, fees = 0, tax = 0, taxAdded = 0, due = 0;
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            ref var line = ref lines[i];
            var rounding = adjustment == 0 ? 0 : shares[i];
            line.Rounding = rounding;
            line.Total = checked(weights[i] + rounding);
            subtotal = checked(subtotal + line.Gross);
            itemDiscounts = checked(itemDiscounts + line.ItemDiscount);
            orderDiscounts = checked(orderDiscounts + line.OrderDiscount);
            fees = checked(fees + line.Fees);
            tax = checked(tax + line.Tax);
            taxAdded = checked(taxAdded + line.TaxAdded);
            due = checked(due + line.Total);
        }

        return new PricingTotals(subtotal, itemDiscounts, orderDiscounts, fees, tax, taxAdded, adjustment, due);
    }
}
