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
        for (var i = 0; i < count; i++)
        {
            var rate = policy.SkuTaxRate[work.Skus[i].Index];
            lines[i].TaxRateId = rate < 0 ? null : policy.TaxRates[rate].Id;
        }

        for (var t = 0; t < policy.TaxRates.Length; t++)
        {
            var rate = policy.TaxRates[t];
            long baseAmount = 0;
            var any = false;
            for (var i = 0; i < count; i++)
            {
                var taxed = policy.SkuTaxRate[work.Skus[i].Index] == t;
                work.Weights[i] = taxed ? checked(work.Remaining[i] + work.TaxableFees[i]) : 0;
                baseAmount = checked(baseAmount + work.Weights[i]);
                any |= taxed;
            }

            if (!any || rate.BasisPoints == 0)
            {
                continue;
            }

            long tax;
            if (policy.Policy.TaxCalculation == TaxCalculation.PerRate)
            {
                tax = Tax(baseAmount, rate.BasisPoints, inclusive, policy.Rounding.Tax);
                Apportioner.Apportion(tax, work.Weights, work.Shares, work.Remainders, work.Order, work.Keys, count);
            }
            else
            {
                tax = 0;
                for (var i = 0; i < count; i++)
                {
                    work.Shares[i] = Tax(work.Weights[i], rate.BasisPoints, inclusive, policy.Rounding.Tax);
                    tax += work.Shares[i];
                }
            }

            if (tax == 0)
            {
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                lines[i].Tax += work.Shares[i];
                if (!inclusive)
                {
                    lines[i].TaxAdded += work.Shares[i];
                }
            }

            call.Output.AddAdjustment(inclusive ? AdjustmentKind.TaxIncluded : AdjustmentKind.TaxAdded, rate.Id, rate.Name, tax, null, null, work.Shares, count);
        }
    }

    private static long Tax(long amount, int basisPoints, bool inclusive, FenRounding rounding) =>
        inclusive
            ? FenMath.MulDiv(amount, basisPoints, FenMath.BasisPointsPerWhole + basisPoints, rounding)
            : FenMath.MulDiv(amount, basisPoints, FenMath.BasisPointsPerWhole, rounding);
}
