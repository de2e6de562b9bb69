using System.Globalization;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Kitchen;

/// <summary>
/// Turns order events into station tickets: each fired round, hold, fire, void, urge and cancellation becomes
/// one ticket per station it concerns, keyed by (order, station, revision = the event's version) so the print
/// queue prints each exactly once however often the event is delivered.
/// </summary>
/// <threadsafety>Immutable after construction; safe to share.</threadsafety>
public sealed class KitchenRouter
{
    private readonly MenuCatalog _catalog;
    private readonly KitchenRoutingOptions _options;

    /// <summary>Initializes a router for a menu and a station layout.</summary>
    /// <param name="catalog">The menu: item names, modifiers and categories.</param>
    /// <param name="options">The station layout; validated here.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public KitchenRouter(MenuCatalog catalog, KitchenRoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        _options = options;
    }

    /// <summary>Routes the event at <paramref name="version"/> of an order's history.</summary>
    /// <param name="history">The order's history, at least up to <paramref name="version"/>.</param>
    /// <param name="version">The version of the event to route.</param>
    /// <returns>The station tickets the event causes; empty when the kitchen need not know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No event of that version is in the history.</exception>
    public IReadOnlyList<KitchenTicket> Route(IReadOnlyList<OrderEvent> history, long version)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (version < 1 || version > history.Count || history[(int)version - 1].Version != version)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "The history holds no event of that version.");
        }

        var before = OrderState.Replay(history[0].OrderId, history.Take((int)version - 1));
        var e = history[(int)version - 1];
        var after = OrderState.Replay(history[0].OrderId, history.Take((int)version));
        return e switch
        {
            ItemsAdded { Disposition: LineDisposition.Fire } added => Tickets(after, e, added.Round > 1 ? KitchenTicketKind.AddOn : KitchenTicketKind.NewOrder, Lines(after, added.Lines.Select(l => l.LineId)), null),
            ItemsAdded { Disposition: LineDisposition.Hold } held => Tickets(after, e, KitchenTicketKind.Hold, Lines(after, held.Lines.Select(l => l.LineId)), null),
            CartSubmitted submitted => Tickets(after, e, submitted.Round > 1 ? KitchenTicketKind.AddOn : KitchenTicketKind.NewOrder, Lines(after, submitted.LineIds), null),
            HeldItemsFired fired => Tickets(after, e, KitchenTicketKind.Fire, Lines(after, fired.LineIds), null),
            ItemsUrged urged => Tickets(after, e, KitchenTicketKind.Urge, Lines(after, urged.LineIds), null),
            ItemVoided voided => Tickets(after, e, KitchenTicketKind.Void, Lines(before, [voided.LineId]), _ => voided.Quantity),
            ItemRemoved { WasHeld: true } removed => Tickets(after, e, KitchenTicketKind.Void, Lines(before, [removed.LineId]), null),
            OrderCancelled => Tickets(after, e, KitchenTicketKind.Void, before.Lines.Where(l => l.IsActive && l.State is OrderLineState.Held or OrderLineState.Fired).ToList(), null),
            _ => [],
        };
    }

    private static List<OrderLine> Lines(OrderState state, IEnumerable<string> lineIds) =>
        lineIds.Select(id => state.Lines.FirstOrDefault(l => string.Equals(l.LineId, id, StringComparison.Ordinal))).OfType<OrderLine>().Where(l => l.Quantity > 0).ToList();

    private List<KitchenTicket> Tickets(OrderState order, OrderEvent cause, KitchenTicketKind kind, List<OrderLine> lines, Func<OrderLine, int>? quantityOf)
    {
        var tickets = new List<KitchenTicket>();
        foreach (var station in lines.GroupBy(StationOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = station.Select(l => Item(l, quantityOf?.Invoke(l) ?? l.Quantity)).ToList();
            if (_options.SummaryStations.Contains(station.Key))
            {
                items = items
                    .GroupBy(i => (i.Name, Modifiers: string.Join('|', i.Modifiers), i.Note, i.Course))
                    .Select(g => new KitchenTicketItem(g.Key.Name, g.Sum(i => i.Quantity), g.First().Modifiers) { Note = g.Key.Note, Course = g.Key.Course })
                    .ToList();
            }

            tickets.Add(new KitchenTicket(order.OrderId, order.OrderNumber.ToString(CultureInfo.InvariantCulture), station.Key, checked((int)cause.Version), kind, items, cause.OccurredAt)
            {
                Table = order.TableId,
                GuestCount = order.DinerCount > 0 ? order.DinerCount : null,
                Round = Math.Max(1, station.Max(l => l.Round)),
            });
        }

        return tickets;
    }

    private string StationOf(OrderLine line) =>
        _catalog.TryGetSku(line.Item.SkuId, out var item, out _) && _options.StationByCategory.TryGetValue(item.CategoryId, out var station)
            ? station
            : _options.DefaultStationId;

    private KitchenTicketItem Item(OrderLine line, int quantity)
    {
        var dish = line.Item.SkuId;
        if (_catalog.TryGetSku(line.Item.SkuId, out var item, out var sku))
        {
            dish = item.Skus.Count > 1 ? $"{item.Name.ZhCn}({sku.Name.ZhCn})" : item.Name.ZhCn;
        }

        var modifiers = new List<string>();
        foreach (var selection in line.Item.Modifiers)
        {
            var name = _catalog.TryGetChoice(selection.ChoiceId, out _, out var choice) ? choice.Name.ZhCn : selection.ChoiceId;
            modifiers.Add(selection.Quantity > 1 ? name + "×" + selection.Quantity.ToString(CultureInfo.InvariantCulture) : name);
        }

        foreach (var selection in line.Item.ComboChoices)
        {
            var name = _catalog.TryGetSku(selection.SkuId, out var comboItem, out _) ? comboItem.Name.ZhCn : selection.SkuId;
            modifiers.Add("套餐:" + name + (selection.Quantity > 1 ? "×" + selection.Quantity.ToString(CultureInfo.InvariantCulture) : string.Empty));
        }

        if (line.Item.WeightGrams is { } grams)
        {
            modifiers.Add(grams.ToString(CultureInfo.InvariantCulture) + "g");
        }

        return new KitchenTicketItem(dish, quantity, modifiers)
        {
            Note = line.Item.Note,
            Seat = line.Item.Diner,
            Course = line.Item.Course.ToString(CultureInfo.InvariantCulture),
        };
    }
}
