namespace Ordering.Sdk.Orders;

/// <summary>Moves the party to a free table (转台). To join an occupied table, merge instead.</summary>
public sealed record TransferTable : OrderCommand
{
    /// <summary>Gets the table to move to.</summary>
    public required string ToTableId { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = state.Status == OrderStatus.None ? OrderErrors.NotFound(OrderId)
            : !state.OccupiesTable ? OrderErrors.NotDineIn("toTableId")
            : Validate.Id(ToTableId, "toTableId");
        if (error is null && !context.Options.Tables.Contains(ToTableId))
        {
            error = OrderErrors.UnknownTable("toTableId", ToTableId);
        }

        if (error is null && context.OtherTableOccupant is { } occupant)
        {
            error = OrderErrors.TableOccupied("toTableId", ToTableId, occupant);
        }

        return error ?? Decision.Accept(new TableTransferred { FromTableId = state.TableId!, ToTableId = ToTableId });
    }
}
