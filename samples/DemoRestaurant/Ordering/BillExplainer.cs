using System.Globalization;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;

namespace DemoRestaurant.Ordering;

/// <summary>
/// Explains an order's amount due from the pricing engine's <see cref="PriceSnapshot"/>. The order service keeps only
/// the amount due and each line's share, so the demo re-prices the same lines the same way the SDK's order pricer does
/// and checks that both agree (<see cref="Bill.MatchesOrder"/>); a mismatch is shown, never hidden.
/// </summary>
internal sealed class BillExplainer
{
    private readonly IPricingEngine _engine;
    private readonly TimeProvider _time;

    public BillExplainer(IPricingEngine engine, TimeProvider time)
    {
        _engine = engine;
        _time = time;
    }

    public Bill Explain(OrderView order, string? memberId)
    {
        ArgumentNullException.ThrowIfNull(order);
        var active = order.Lines.Where(l => l.IsActive).ToList();
        if (active.Count == 0)
        {
            return new Bill(0, 0, 0, 0, 0, 0, [], [], [], order.AmountDue.IsZero, memberId);
        }

        var request = new PricingRequest();
        request.Context.OrderType = order.Type;
        request.Context.Channel = order.Type == OrderType.SelfOrder ? SalesChannel.MiniProgram : SalesChannel.DineIn;
        request.Context.GuestCount = order.DinerCount;
        request.Context.At = _time.GetUtcNow();
        request.Context.MemberId = memberId;
        foreach (var line in active)
        {
            var priced = new OrderLineRequest
            {
                SkuId = line.Item.SkuId,
                Quantity = line.Quantity,
                WeightGrams = line.Item.WeightGrams ?? 0,
                DinerTag = line.Item.Diner,
                ManualDiscount = line.IsComped ? new ManualDiscount { PercentOff = 10_000, Reason = "赠菜 " + line.CompReason, OperatorId = line.CompedBy ?? "?" } : null,
            };
            foreach (var modifier in line.Item.Modifiers)
            {
                priced.Modifiers.Add(modifier);
            }

            foreach (var choice in line.Item.ComboChoices)
            {
                priced.ComboChoices.Add(choice);
            }

            request.Lines.Add(priced);
        }

        var result = new PricingResult();
        if (!_engine.Price(request, result))
        {
            var error = result.Errors[0];
            return new Bill(0, 0, 0, 0, 0, order.AmountDue.MinorUnits, [], [new BillAdjustment("error", error.MessageZhCn, error.MessageEn, 0, error.Path, [])], [], false, memberId);
        }

        var snapshot = result.ToSnapshot();
        var lines = new List<BillLine>(active.Count);
        for (var i = 0; i < snapshot.Lines.Count; i++)
        {
            var s = snapshot.Lines[i];
            var line = active[i];
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
                a.Shares.Select(share => share.LineIndex < active.Count ? active[share.LineIndex].LineId : share.LineIndex.ToString(CultureInfo.InvariantCulture)).ToArray()))
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
            snapshot.AmountDue == order.AmountDue.MinorUnits,
            memberId);
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
