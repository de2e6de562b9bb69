namespace Ordering.Sdk.Pricing;

// Step 6: tax per rate on each line's amount after discounts plus its taxable fees. Inclusive tax is
// extracted (base × r ÷ (1 + r)) and leaves the amount due alone; exclusive tax is added. Per-rate
// calculation rounds once per rate and apportions exactly, so lines always sum to the rate's tax.
internal static class TaxStep
{
    public static void Run(in PricingCall call)
    {
        var policy = call.Policy;
        var work = call.Work;
        var lines = call.Output.LineBuffer;
        var count = call.Count;
        var inclusive = policy.Policy.TaxMode == TaxMode.Inclusive;
        var perRate = policy.Policy.TaxCalculation == TaxCalculation.PerRate;
        var rounding = policy.Rounding.Tax;
        var skus = work.Skus;
        var skuTaxRate = policy.SkuTaxRate;
        var taxRates = policy.TaxRates;
        var lineRate = work.LineTaxRate;
        var remaining = work.Remaining;
        var taxableFees = work.TaxableFees;
        var weights = work.Weights;
        var shares = work.Shares;
        for (var i = 0; i < count; i = unchecked(i + 1))
        {
            var rate = skuTaxRate[skus[i].Index];
            lineRate[i] = rate;
            lines[i].TaxRateId = rate < 0 ? null : taxRates[rate].Id;
        }

        for (var t = 0; t < taxRates.Length; t = unchecked(t + 1))
        {
            var rate = taxRates[t];
            long baseAmount = 0;
            var any = false;
            for (var i = 0; i < count; i = unchecked(i + 1))
            {
                var taxed = lineRate[i] == t;
                var weight = taxed ? checked(remaining[i] + taxableFees[i]) : 0;
                weights[i] = weight;
                baseAmount = checked(baseAmount + weight);
                any |= taxed;
            }

            if (!any || rate.BasisPoints == 0)
            {
                continue;
            }

            long tax;
            if (perRate)
            {
                tax = Tax(baseAmount, rate.BasisPoints, inclusive, rounding);
                Apportioner.Apportion(tax, weights, shares, work.Remainders, work.Order, work.Keys, count);
            }
            else
            {
                tax = 0;
                for (var i = 0; i < count; i = unchecked(i + 1))
                {
                    shares[i] = Tax(weights[i], rate.BasisPoints, inclusive, rounding);
                    tax = checked(tax + shares[i]);
                }
            }

            if (tax == 0)
            {
                continue;
            }

            for (var i = 0; i < count; i = unchecked(i + 1))
            {
                var share = shares[i];
                ref var line = ref lines[i];
                line.Tax = checked(line.Tax + share);
                if (!inclusive)
                {
                    line.TaxAdded = checked(line.TaxAdded + share);
                }
            }

            call.Output.AddAdjustment(inclusive ? AdjustmentKind.TaxIncluded : AdjustmentKind.TaxAdded, rate.Id, rate.Name, tax, null, null, shares, count);
        }
    }

    private static long Tax(long amount, int basisPoints, bool inclusive, FenRounding rounding) =>
        inclusive
            ? FenMath.MulDiv(amount, basisPoints, FenMath.BasisPointsPerWhole + basisPoints, rounding)
            : FenMath.MulDiv(amount, basisPoints, FenMath.BasisPointsPerWhole, rounding);
}
