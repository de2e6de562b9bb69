namespace Ordering.Sdk.Pricing;

/// <content>Copying a result into an immutable <see cref="PriceSnapshot"/>.</content>
public sealed partial class PricingResult
{
    /// <summary>Copies the priced order into an immutable snapshot that outlives this result (allocates; not the hot path).</summary>
    /// <returns>The snapshot.</returns>
    /// <exception cref="InvalidOperationException">The last call did not price the order.</exception>
    public PriceSnapshot ToSnapshot()
    {
        if (!IsSuccess)
        {
            throw new InvalidOperationException("Only a successfully priced order has a snapshot; see Errors for why pricing failed.");
        }

        var lines = new SnapshotLine[_lineCount];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = _lines[i];
            lines[i] = new SnapshotLine
            {
                SkuId = line.SkuId,
                ItemId = line.ItemId,
                CategoryId = line.CategoryId,
                Name = line.Name,
                DinerTag = line.DinerTag,
                Quantity = line.Quantity,
                WeightGrams = line.WeightGrams,
                ListUnitPrice = line.ListUnitPrice,
                UnitPrice = line.UnitPrice,
                PriceSource = line.PriceSource,
                AddOnsPerUnit = line.AddOnsPerUnit,
                Gross = line.Gross,
                ItemDiscount = line.ItemDiscount,
                OrderDiscount = line.OrderDiscount,
                Fees = line.Fees,
                TaxRateId = line.TaxRateId,
                Tax = line.Tax,
                TaxAdded = line.TaxAdded,
                Rounding = line.Rounding,
                Total = line.Total,
            };
        }

        var adjustments = new SnapshotAdjustment[_adjustmentCount];
        for (var a = 0; a < adjustments.Length; a++)
        {
            var adjustment = _adjustments[a];
            adjustments[a] = new SnapshotAdjustment
            {
                Kind = adjustment.Kind,
                RuleId = adjustment.RuleId,
                Name = adjustment.Name,
                Amount = adjustment.Amount,
                Reason = adjustment.Reason,
                OperatorId = adjustment.OperatorId,
                Shares = GetShares(adjustment).ToArray(),
            };
        }

        var promotions = new SnapshotPromotion[_evaluationCount];
        for (var p = 0; p < promotions.Length; p++)
        {
            var evaluation = _evaluations[p];
            promotions[p] = new SnapshotPromotion
            {
                PromotionId = evaluation.PromotionId,
                Name = evaluation.Name,
                IsCoupon = evaluation.IsCoupon,
                Outcome = evaluation.Outcome,
                Saving = evaluation.Saving,
            };
        }

        var totals = Totals;
        return new PriceSnapshot
        {
            CurrencyCode = Currency.Code,
            PricedAt = PricedAt,
            Lines = lines,
            Adjustments = adjustments,
            Promotions = promotions,
            Subtotal = totals.Subtotal,
            ItemDiscounts = totals.ItemDiscounts,
            OrderDiscounts = totals.OrderDiscounts,
            Fees = totals.Fees,
            Tax = totals.Tax,
            TaxAdded = totals.TaxAdded,
            Rounding = totals.Rounding,
            AmountDue = totals.AmountDue,
            RefundRounding = RefundRounding?.Refund ?? FenRounding.HalfUp,
        };
    }
}
