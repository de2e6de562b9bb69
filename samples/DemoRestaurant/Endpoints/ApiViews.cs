using DemoRestaurant.Ordering;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Pricing;

namespace DemoRestaurant.Endpoints;

/// <summary>The JSON shapes the pages read. Amounts are fen (long); text for people is formatted on the page.</summary>
internal static class ApiViews
{
    public static object Order(OrderView order, Bill bill, OrderPaymentStatus status, IReadOnlyList<PaymentAttemptSnapshot> attempts) => new
    {
        orderId = order.OrderId,
        orderNumber = order.OrderNumber,
        version = order.Version,
        status = order.Status.ToString(),
        tableId = order.TableId,
        tableState = order.TableState.ToString(),
        diners = order.DinerCount,
        rounds = order.Rounds,
        amountDue = order.AmountDue.MinorUnits,
        paid = status.Confirmed.MinorUnits - status.Refunded.MinorUnits,
        refunded = status.Refunded.MinorUnits,
        inProgress = status.InProgress.MinorUnits,
        outstanding = Payments.Checkout.Outstanding(order, status).MinorUnits,
        reopenCount = order.ReopenCount,
        lines = order.Lines.Where(l => l.State != OrderLineState.Removed).Select(l => new
        {
            lineId = l.LineId,
            skuId = l.Item.SkuId,
            quantity = l.Quantity,
            voided = l.VoidedQuantity,
            comped = l.IsComped,
            state = l.State.ToString(),
            round = l.Round,
            diner = l.Item.Diner,
            active = l.IsActive,
            amount = order.LineAmounts.TryGetValue(l.LineId, out var share) ? share.MinorUnits : 0,
        }),
        memberId = order.MemberId,
        coupons = order.CouponCodes,
        inactiveCoupons = order.InactiveCoupons.Select(c => new { code = c.Code, reason = c.ReasonCode, message = c.MessageEn, messageZh = c.MessageZh }),
        billParts = order.BillParts.Select(p => new { part = p.PartNumber, amount = p.Amount.MinorUnits, lines = p.LineIds }),
        bill,
        payments = attempts.Select(Attempt),
    };

    public static object Attempt(PaymentAttemptSnapshot a) => new
    {
        attemptId = a.AttemptId,
        channel = a.Channel.ToString(),
        kind = a.Kind.ToString(),
        amount = a.Amount.MinorUnits,
        state = a.State.ToString(),
        captured = a.Captured.MinorUnits,
        refunded = a.Refunded.MinorUnits,
        change = a.Change.MinorUnits,
        abandoned = a.IsAbandoned,
        prompt = a.CustomerPrompt,
        failure = a.LastFailure is { } f ? Failure(f) : null,
    };

    public static object Failure(PaymentFailure f) => new
    {
        at = f.OccurredAt,
        orderId = f.OrderId,
        attemptId = f.AttemptId,
        channel = f.Channel.ToString(),
        operation = f.Operation.ToString(),
        cause = f.Cause.ToString(),
        action = f.Action.ToString(),
        rawCode = f.RawCode,
        // The gateway's own words (already masked by the SDK), e.g. 支付失败，用户支付密码错误.
        rawMessage = f.RawMessage,
        staffZh = f.StaffMessageZhCn,
        staffEn = f.StaffMessageEn,
        customerZh = f.CustomerMessageZhCn,
        customerEn = f.CustomerMessageEn,
    };

    public static object Error(OrderError error) => new { code = error.Code, field = error.Field, message = error.MessageEn, messageZh = error.MessageZh };

    public static object Menu(MenuCatalog catalog, PricingPolicy policy)
    {
        var definition = catalog.Definition;
        var choices = definition.ModifierGroups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        return new
        {
            currency = definition.CurrencyCode,
            categories = definition.Categories.Select(c => new
            {
                id = c.Id,
                name = c.Name.ZhCn,
                nameEn = c.Name.En,
                items = definition.Items.Where(i => i.CategoryId == c.Id).Select(i => new
                {
                    id = i.Id,
                    name = i.Name.ZhCn,
                    nameEn = i.Name.En,
                    kind = i.Kind.ToString(),
                    skus = i.Skus.Select(s => new { id = s.Id, name = s.Name.ZhCn, nameEn = s.Name.En, price = s.Price, memberPrice = s.MemberPrice, soldOut = s.SoldOut, perGrams = i.Kind == ItemKind.Weighed ? s.WeightUnitGrams : (int?)null }),
                    modifierGroups = i.ModifierGroupIds.Select(id => choices[id]).Select(g => new
                    {
                        id = g.Id,
                        name = g.Name.ZhCn,
                        min = g.MinChoices,
                        max = g.MaxChoices,
                        choices = g.Choices.Select(ch => new { id = ch.Id, name = ch.Name.ZhCn, price = ch.Price, max = ch.MaxQuantity }),
                    }),
                    comboGroups = i.ComboGroups.Select(g => new
                    {
                        id = g.Id,
                        name = g.Name.ZhCn,
                        min = g.MinChoices,
                        max = g.MaxChoices,
                        options = g.Options.Select(o => new { skuId = o.SkuId, name = catalog.TryGetSku(o.SkuId, out var item, out _) ? item.Name.ZhCn : o.SkuId, surcharge = o.Surcharge, max = o.MaxQuantity }),
                    }),
                }),
            }),
            promotions = policy.Promotions.Select(p => new { id = p.Id, name = p.Name.ZhCn, nameEn = p.Name.En }),
            fees = policy.Fees.Select(f => new { id = f.Id, name = f.Name.ZhCn, nameEn = f.Name.En }),
        };
    }
}

/// <summary>A dish as a page sends it. <see cref="Price"/> is accepted and ignored: the server prices every order.</summary>
internal sealed record ItemInput(string SkuId, int Quantity, int? WeightGrams, IReadOnlyList<ModifierInput>? Modifiers, IReadOnlyList<ComboInput>? Combo, string? Note, long? Price)
{
    public OrderItemRequest ToRequest(string? diner) => new(SkuId, Quantity)
    {
        WeightGrams = WeightGrams,
        Modifiers = Modifiers?.Select(m => new ModifierSelection(m.ChoiceId, m.Quantity <= 0 ? 1 : m.Quantity)).ToArray() ?? [],
        ComboChoices = Combo?.Select(c => new ComboSelection(c.GroupId, c.SkuId, c.Quantity <= 0 ? 1 : c.Quantity)).ToArray() ?? [],
        Diner = diner,
        Note = Note,
    };
}

/// <summary>A chosen 做法 / 加料.</summary>
internal sealed record ModifierInput(string ChoiceId, int Quantity);

/// <summary>A chosen 套餐 option.</summary>
internal sealed record ComboInput(string GroupId, string SkuId, int Quantity);
