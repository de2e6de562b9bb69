using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Orders;

// Prices an order's lines through the pricing engine: the server's price, never the client's. Comped lines
// go in as a 100% manual discount with the comp's reason and operator, so the receipt explains them.
internal sealed class EngineOrderPricer : IOrderPricer
{
    private readonly IPricingEngine _engine;
    private readonly TimeProvider _timeProvider;
    private readonly Currency _currency;

    public EngineOrderPricer(IPricingEngine engine, TimeProvider timeProvider, Currency currency)
    {
        _engine = engine;
        _timeProvider = timeProvider;
        _currency = currency;
    }

    public OrderPricingResult Price(OrderState state)
    {
        var lineIds = new List<string>();
        var request = new PricingRequest();
        request.Context.OrderType = state.Type;
        request.Context.Channel = state.Type switch
        {
            OrderType.Takeaway => Catalog.SalesChannel.Takeaway,
            OrderType.Delivery => Catalog.SalesChannel.Delivery,
            OrderType.SelfOrder => Catalog.SalesChannel.MiniProgram,
            _ => Catalog.SalesChannel.DineIn,
        };
        request.Context.GuestCount = state.DinerCount;
        request.Context.At = _timeProvider.GetUtcNow();
        foreach (var line in state.Lines)
        {
            if (!line.IsActive)
            {
                continue;
            }

            lineIds.Add(line.LineId);
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

        if (lineIds.Count == 0)
        {
            return new OrderPricingResult(OrderPricing.Zero(_currency), null);
        }

        var result = new PricingResult();
        if (!_engine.Price(request, result))
        {
            var error = result.Errors[0];
            return new OrderPricingResult(null, new OrderError(ToCode(error.Code), LinePath(error.Path, lineIds), error.MessageEn, error.MessageZhCn));
        }

        var amounts = new Dictionary<string, Money>(lineIds.Count, StringComparer.Ordinal);
        var lines = result.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            amounts[lineIds[i]] = new Money(lines[i].Total, result.Currency);
        }

        return new OrderPricingResult(new OrderPricing(new Money(result.Totals.AmountDue, result.Currency), amounts), null);
    }

    // "lines[2].modifiers[0]" names the request's third line; the client knows it by its order line id.
    private static string LinePath(string path, List<string> lineIds)
    {
        if (path.StartsWith("lines[", StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is var end and > 6
            && int.TryParse(path.AsSpan(6, end - 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < lineIds.Count)
        {
            return "lines[" + lineIds[index] + "]" + path[(end + 1)..];
        }

        return path;
    }

    private static string ToCode(PricingErrorCode code)
    {
        var name = code.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
