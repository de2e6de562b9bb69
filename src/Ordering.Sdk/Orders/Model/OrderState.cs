using Ordering.Sdk.Pricing;
namespace Ordering.Sdk.Orders;

// The fold of an order's history. Rebuilt from events for every command (orders are short), mutated
// only by Apply, so the state can never say anything its events do not.
internal sealed class OrderState
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<string> _coupons = [];

    public OrderState(string orderId) => OrderId = orderId;

    public string OrderId { get; }

    public long Version { get; private set; }

    public OrderStatus Status { get; private set; }

    public OrderType Type { get; private set; }

    public string StoreId { get; private set; } = string.Empty;

    public string? TableId { get; private set; }

    public bool IsTableCleared { get; private set; }

    public int DinerCount { get; private set; }

    public int OrderNumber { get; private set; }

    public int Rounds { get; private set; }

    public int LinesEverAdded { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<BillPart> BillParts { get; private set; } = [];

    public Money? SettledAmount { get; private set; }

    public int ReopenCount { get; private set; }

    public string? MergedIntoOrderId { get; private set; }

    public string? MemberId { get; private set; }

    // In the order they were presented: the pricing engine's best-deal search decides which apply.
    public IReadOnlyList<string> Coupons => _coupons;

    // The coupon presented by the event just applied: it must apply now, while one presented earlier
    // may lapse (a dish removed below its minimum spend) without blocking the order.
    public string? CouponJustApplied { get; private set; }

    public bool OccupiesTable => TableId is not null && !IsTableCleared && Status is OrderStatus.Open or OrderStatus.Settled;

    public TableSessionState TableState
    {
        get
        {
            if (TableId is null || Status is OrderStatus.None or OrderStatus.Cancelled)
            {
                return TableSessionState.None;
            }

            if (IsTableCleared)
            {
                return TableSessionState.Cleared;
            }

            if (Status == OrderStatus.Settled)
            {
                return TableSessionState.Paid;
            }

            var sent = _lines.Where(l => l.IsActive && l.State is OrderLineState.Held or OrderLineState.Fired or OrderLineState.Served).ToList();
            if (sent.Count == 0)
            {
                return TableSessionState.Open;
            }

            return sent.TrueForAll(l => l.State == OrderLineState.Served) ? TableSessionState.Served : TableSessionState.Ordering;
        }
    }

    public static OrderState Replay(string orderId, IEnumerable<OrderEvent> history)
    {
        var state = new OrderState(orderId);
        foreach (var e in history)
        {
            state.Apply(e);
        }

        return state;
    }

    public OrderLine? FindLine(string lineId) => _lines.Find(l => string.Equals(l.LineId, lineId, StringComparison.Ordinal) && l.State != OrderLineState.Removed);

    public string NextLineId(int offset = 0) => "L" + (LinesEverAdded + offset + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Apply(OrderEvent e)
    {
        CouponJustApplied = null;
        switch (e)
        {
            case OrderOpened opened:
                Status = OrderStatus.Open;
                Type = opened.Type;
                StoreId = opened.StoreId;
                TableId = opened.TableId;
                DinerCount = opened.DinerCount;
                OrderNumber = opened.OrderNumber;
                break;
            case ItemsAdded added:
                if (added.Round > 0)
                {
                    Rounds = added.Round;
                }

                var state = added.Disposition switch
                {
                    LineDisposition.Fire => OrderLineState.Fired,
                    LineDisposition.Hold => OrderLineState.Held,
                    _ => OrderLineState.InCart,
                };
                foreach (var line in added.Lines)
                {
                    _lines.Add(new OrderLine(line.LineId, line.Item, added.Round, state));
                    LinesEverAdded++;
                }

                BillParts = [];
                break;
            case CartSubmitted submitted:
                Rounds = submitted.Round;
                Update(submitted.LineIds, l => l with { State = OrderLineState.Fired, Round = submitted.Round });
                break;
            case ItemQuantityChanged changed:
                Update(changed.LineId, l => l with { Quantity = changed.Quantity });
                BillParts = [];
                break;
            case ItemRemoved removed:
                Update(removed.LineId, l => l with { State = OrderLineState.Removed, Quantity = 0 });
                BillParts = [];
                break;
            case ItemVoided voided:
                Update(voided.LineId, l => l with { Quantity = l.Quantity - voided.Quantity, VoidedQuantity = l.VoidedQuantity + voided.Quantity });
                BillParts = [];
                break;
            case ItemComped comped:
                Update(comped.LineId, l => l with { IsComped = true, CompReason = comped.Reason, CompedBy = comped.Operator });
                BillParts = [];
                break;
            case ItemsUrged urged:
                Update(urged.LineIds, l => l with { UrgeCount = l.UrgeCount + 1 });
                break;
            case HeldItemsFired fired:
                Update(fired.LineIds, l => l with { State = OrderLineState.Fired });
                break;
            case ItemsServed served:
                Update(served.LineIds, l => l with { State = OrderLineState.Served });
                break;
            case TableTransferred transferred:
                TableId = transferred.ToTableId;
                break;
            case OrderMergedIn merged:
                _lines.AddRange(merged.Lines);
                LinesEverAdded += merged.Lines.Count;
                DinerCount += merged.DinerCount;
                BillParts = [];
                break;
            case OrderMergedInto into:
                Status = OrderStatus.Cancelled;
                MergedIntoOrderId = into.TargetOrderId;
                break;
            case BillSplit split:
                BillParts = split.Parts;
                break;
            case OrderSettled settled:
                Status = OrderStatus.Settled;
                SettledAmount = settled.Amount;
                break;
            case OrderReopened:
                Status = OrderStatus.Open;
                ReopenCount++;
                BillParts = [];
                break;
            case OrderCancelled:
                Status = OrderStatus.Cancelled;
                break;
            case MemberAttached member:
                MemberId = member.MemberId;
                BillParts = [];
                break;
            case CouponApplied coupon:
                _coupons.Add(coupon.Code);
                CouponJustApplied = coupon.Code;
                BillParts = [];
                break;
            case CouponRemoved coupon:
                _coupons.Remove(coupon.Code);
                BillParts = [];
                break;
            case TableCleared:
                IsTableCleared = true;
                break;
            default:
                throw new InvalidOperationException($"Unknown order event {e.GetType().Name}.");
        }

        Version = e.Version;
    }

    public OrderView ToView(OrderPricing pricing) => new()
    {
        OrderId = OrderId,
        Version = Version,
        Status = Status,
        Type = Type,
        TableId = TableId,
        TableState = TableState,
        DinerCount = DinerCount,
        OrderNumber = OrderNumber,
        Lines = _lines.ToArray(),
        Rounds = Rounds,
        AmountDue = pricing.AmountDue,
        LineAmounts = pricing.LineAmounts,
        MemberId = MemberId,
        CouponCodes = _coupons.ToArray(),
        InactiveCoupons = pricing.InactiveCoupons,
        PriceSnapshot = pricing.Snapshot,
        PricedLineIds = pricing.PricedLineIds,
        BillParts = BillParts,
        SettledAmount = SettledAmount,
        ReopenCount = ReopenCount,
        MergedIntoOrderId = MergedIntoOrderId,
    };

    private void Update(string lineId, Func<OrderLine, OrderLine> change)
    {
        var index = _lines.FindIndex(l => string.Equals(l.LineId, lineId, StringComparison.Ordinal));
        if (index >= 0)
        {
            _lines[index] = change(_lines[index]);
        }
    }

    private void Update(IReadOnlyList<string> lineIds, Func<OrderLine, OrderLine> change)
    {
        foreach (var id in lineIds)
        {
            Update(id, change);
        }
    }
}
