using Ordering.Sdk.Pricing;
namespace Ordering.Sdk.Orders;

/// <summary>Opens an order; for dine-in, opens the table (开台) with its number of diners.</summary>
public sealed record OpenOrder : OrderCommand
{
    /// <summary>Gets the order type.</summary>
    public required OrderType Type { get; init; }

    /// <summary>Gets the table for a dine-in order (required for dine-in, ignored otherwise).</summary>
    public string? TableId { get; init; }

    /// <summary>Gets the number of diners, 1 to 99.</summary>
    public int DinerCount { get; init; } = 1;

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        if (state.Status != OrderStatus.None)
        {
            return OrderErrors.AlreadyExists(OrderId);
        }

        var error = Validate.Range(DinerCount, "dinerCount", 1, 99);
        var dineIn = Type == OrderType.DineIn || (Type == OrderType.SelfOrder && TableId is not null);
        if (error is null && dineIn)
        {
            error = Validate.Id(TableId, "tableId");
            if (error is null && !context.Options.Tables.Contains(TableId!))
            {
                error = OrderErrors.UnknownTable("tableId", TableId!);
            }

            if (error is null && context.OtherTableOccupant is { } occupant)
            {
                error = OrderErrors.TableOccupied("tableId", TableId!, occupant);
            }
        }

        if (error is not null)
        {
            return error;
        }

        return Decision.Accept(new OrderOpened
        {
            StoreId = context.Options.StoreId,
            Type = Type,
            TableId = dineIn ? TableId : null,
            DinerCount = DinerCount,
            OrderNumber = context.AllocatedOrderNumber,
        });
    }
}
