namespace Ordering.Sdk.Orders;

/// <summary>
/// Merges another open order into this one (并台). Policy: lines move with their kitchen state (the kitchen
/// is not told again), diners add up (per-guest fees follow), any split is dropped, and the merged order is
/// re-priced as one bill, so 满减 thresholds, whole-order discounts and service charge apply to the combined
/// total. The source order ends as merged and frees its table; both histories change in one transaction.
/// </summary>
public sealed record MergeOrders : OrderCommand
{
    /// <summary>Gets the order to merge into this one; it must be open and of the same store.</summary>
    public required string SourceOrderId { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Id(SourceOrderId, "sourceOrderId");
        if (error is not null)
        {
            return error;
        }

        if (string.Equals(SourceOrderId, OrderId, StringComparison.Ordinal))
        {
            return OrderErrors.CannotMergeIntoSelf();
        }

        var source = context.OtherOrder;
        if (source is null || source.Status == OrderStatus.None)
        {
            return OrderErrors.NotFound(SourceOrderId);
        }

        if (!string.Equals(source.StoreId, state.StoreId, StringComparison.Ordinal))
        {
            return OrderErrors.CrossStoreMerge();
        }

        if (source.Status != OrderStatus.Open)
        {
            return OrderErrors.NotOpen(source.Status);
        }

        var moved = source.Lines.Where(l => l.State != OrderLineState.Removed)
            .Select((l, i) => l with { LineId = state.NextLineId(i) })
            .ToArray();
        var into = new OrderMergedIn
        {
            SourceOrderId = source.OrderId,
            SourceTableId = source.TableId,
            Lines = moved,
            DinerCount = source.DinerCount,
        };
        var closed = new OrderMergedInto { OrderId = source.OrderId, TargetOrderId = OrderId };
        return Decision.AcceptWithOther([into], [closed]);
    }
}
