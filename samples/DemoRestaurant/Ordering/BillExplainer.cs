using System.Globalization;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;

namespace DemoRestaurant.Ordering;

/// <summary>
/// Explains an order's amount due from the pricing engine's frozen <see cref="PriceSnapshot"/> the order view carries:
/// every line's list and actual price, each discount, fee and rounding, and which lines each adjustment touched.
/// Nothing is re-priced here; <see cref="Bill.MatchesOrder"/> still checks the snapshot against the amount due.
/// </summary>
internal sealed class BillExplainer
{
    private readonly IPricingEngine _engine;

    public BillExplainer(IPricingEngine engine) => _engine = engine;

    public Bill Explain(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.PriceSnapshot is not { } snapshot)
        {
            return new Bill(0, 0, 0, 0, 0, 0, [], [], [], order.AmountDue.IsZero, order.MemberId);
        }

        var linesById = order.Lines.ToDictionary(l => l.LineId, StringComparer.Ordinal);
        var lineIds = order.PricedLineIds;
        var lines = new List<BillLine>(snapshot.Lines.Count);
        for (var i = 0; i < snapshot.Lines.Count && i < lineIds.Count; i++)
        {
            var s = snapshot.Lines[i];
            var line = linesById[lineIds[i]];
            lines.Add(new BillLine(
                line.LineId,
                s.Name.ZhCn,
                Describe(line.Item),
                s.Quantity,
                s.WeightGrams,
                s.ListUnitPrice,
                s.UnitPrice,
                s.PriceSource.ToString(),
                s.AddOnsPerUnit,
                s.Gross,
                s.ItemDiscount,
                s.OrderDiscount,
                s.Fees,
                s.Total,
                line.State.ToString(),
                line.Item.Diner,
                line.IsComped,
                line.Round));
        }

        var adjustments = snapshot.Adjustments
            .Where(a => a.Kind is not AdjustmentKind.TaxIncluded)
            .Select(a => new BillAdjustment(
                a.Kind.ToString(),
                a.Name.ZhCn,
                a.Name.En,
                a.Amount,
                a.Reason,
                a.Shares.Select(share => share.LineIndex < lineIds.Count ? lineIds[share.LineIndex] : share.LineIndex.ToString(CultureInfo.InvariantCulture)).ToArray()))
            .ToList();
        var promotions = snapshot.Promotions.Select(p => new BillPromotion(p.Name.ZhCn, p.Outcome.ToString(), p.Saving)).ToList();
        return new Bill(
            snapshot.Subtotal,
            snapshot.ItemDiscounts,
            snapshot.OrderDiscounts,
            snapshot.Fees,
            snapshot.Rounding,
            snapshot.AmountDue,
            lines,
            adjustments,
            promotions,
            snapshot.AmountDue == order.AmountDue.MinorUnits && lines.Count == snapshot.Lines.Count,
            order.MemberId);
    }

    private string Describe(OrderItemRequest item)
    {
        var parts = new List<string>();
        var catalog = _engine.Catalog;
        if (catalog.TryGetSku(item.SkuId, out var dish, out var sku) && dish.Skus.Count > 1)
        {
            parts.Add(sku.Name.ZhCn);
        }

        foreach (var modifier in item.Modifiers)
        {
            parts.Add(catalog.Definition.ModifierGroups.SelectMany(g => g.Choices).FirstOrDefault(c => c.Id == modifier.ChoiceId)?.Name.ZhCn ?? modifier.ChoiceId);
        }

        foreach (var choice in item.ComboChoices)
        {
            parts.Add((catalog.TryGetSku(choice.SkuId, out var chosen, out _) ? chosen.Name.ZhCn : choice.SkuId) + (choice.Quantity > 1 ? "×" + choice.Quantity.ToString(CultureInfo.InvariantCulture) : string.Empty));
        }

        if (item.WeightGrams is { } grams)
        {
            parts.Add(grams.ToString(CultureInfo.InvariantCulture) + "g");
        }

        if (!string.IsNullOrWhiteSpace(item.Note))
        {
            parts.Add("备注: " + item.Note);
        }

        return string.Join(" · ", parts);
    }
}
