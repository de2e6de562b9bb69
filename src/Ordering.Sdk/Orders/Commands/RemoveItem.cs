namespace Ordering.Sdk.Orders;

/// <summary>Removes a line the kitchen has not started (in the cart or held).</summary>
public sealed record RemoveItem : OrderCommand
{
    /// <summary>Gets the line.</summary>
    public required string LineId { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        if (Validate.Open(state) is { } error)
        {
            return error;
        }

        var line = state.FindLine(LineId);
        return line is null ? OrderErrors.UnknownLine("lineId", LineId)
            : line.State is OrderLineState.Fired or OrderLineState.Served ? OrderErrors.LineAlreadyFired("lineId", LineId)
            : Decision.Accept(new ItemRemoved { LineId = LineId, WasHeld = line.State == OrderLineState.Held });
    }
}
