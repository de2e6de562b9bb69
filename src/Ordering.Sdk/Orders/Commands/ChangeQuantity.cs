namespace Ordering.Sdk.Orders;

/// <summary>Changes the quantity of a line the kitchen has not started (in the cart or held).</summary>
public sealed record ChangeQuantity : OrderCommand
{
    /// <summary>Gets the line.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets the new quantity, at least 1 (remove the line to drop it).</summary>
    public required int Quantity { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Range(Quantity, "quantity", 1, context.Options.MaxQuantityPerLine);
        if (error is not null)
        {
            return error;
        }

        var line = state.FindLine(LineId);
        return line is null ? OrderErrors.UnknownLine("lineId", LineId)
            : line.State is OrderLineState.Fired or OrderLineState.Served ? OrderErrors.LineAlreadyFired("lineId", LineId)
            : Decision.Accept(new ItemQuantityChanged { LineId = LineId, Quantity = Quantity });
    }
}
