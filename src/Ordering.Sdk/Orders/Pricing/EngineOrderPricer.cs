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
        request.Context.MemberId = state.MemberId;
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
            return state.CouponJustApplied is { } code
                ? new OrderPricingResult(null, OrderErrors.CouponNeedsItems(code))
                : new OrderPricingResult(OrderPricing.Zero(_currency), null);
        }

        var result = new PricingResult();
        var coupons = new List<string>(state.Coupons);
        var inactive = new List<InactiveCoupon>();
        while (true)
        {
            request.Context.Coupons.Clear();
            foreach (var code in coupons)
            {
                request.Context.Coupons.Add(new CouponPresentation(code));
            }

            if (_engine.Price(request, result))
            {
                break;
            }

            if (Blocking(result.Errors, coupons, state.CouponJustApplied, lineIds) is { } blocking)
            {
                return new OrderPricingResult(null, blocking);
            }

            // Every error is a coupon presented earlier that lapsed: keep it on the order, inactive.
            for (var k = coupons.Count - 1; k >= 0; k--)
            {
                if (FindCouponError(result.Errors, k) is { } lapsed)
                {
                    inactive.Insert(0, new InactiveCoupon(coupons[k], ToCode(lapsed.Code), lapsed.MessageEn, lapsed.MessageZhCn));
                    coupons.RemoveAt(k);
                }
            }
        }

        var amounts = new Dictionary<string, Money>(lineIds.Count, StringComparer.Ordinal);
        var lines = result.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            amounts[lineIds[i]] = new Money(lines[i].Total, result.Currency);
        }

        var pricing = new OrderPricing(new Money(result.Totals.AmountDue, result.Currency), amounts)
        {
            Snapshot = result.ToSnapshot(),
            PricedLineIds = lineIds,
            InactiveCoupons = inactive,
        };
        return new OrderPricingResult(pricing, null);
    }

    // The first error that must refuse the command: anything that is not a coupon, or the coupon the
    // command itself presented.
    private static OrderError? Blocking(IReadOnlyList<PricingError> errors, List<string> coupons, string? justApplied, List<string> lineIds)
    {
        foreach (var error in errors)
        {
            var index = CouponIndex(error.Path);
            if (index < 0 || index >= coupons.Count)
            {
                return new OrderError(ToCode(error.Code), LinePath(error.Path, lineIds), error.MessageEn, error.MessageZhCn);
            }

            if (string.Equals(coupons[index], justApplied, StringComparison.Ordinal))
            {
                return new OrderError(ToCode(error.Code), "code", error.MessageEn, error.MessageZhCn);
            }
        }

        return null;
    }

    private static PricingError? FindCouponError(IReadOnlyList<PricingError> errors, int index)
    {
        foreach (var error in errors)
        {
            if (CouponIndex(error.Path) == index)
            {
                return error;
            }
        }

        return null;
    }

    private static int CouponIndex(string path)
    {
        const string Prefix = "context.coupons[";
        if (path.StartsWith(Prefix, StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is var end and > 0
            && int.TryParse(path.AsSpan(Prefix.Length, end - Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }

        return -1;
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
