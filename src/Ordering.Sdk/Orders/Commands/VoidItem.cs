namespace Ordering.Sdk.Orders;

/// <summary>Takes back units of a line the kitchen already fired (退菜), with a reason and an operator.</summary>
public sealed record VoidItem : OrderCommand
{
    /// <summary>Gets the line.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets how many units to void, at least 1 and at most what is left on the line.</summary>
    public required int Quantity { get; init; }

    /// <summary>Gets why (required, for the audit trail and the void report).</summary>
    public required string Reason { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Text(Reason, "reason", required: true) ?? Validate.Id(Operator, "operator");
        if (error is not null)
        {
            return error;
        }

        var line = state.FindLine(LineId);
        if (line is null || !line.IsActive)
        {
            return OrderErrors.UnknownLine("lineId", LineId);
        }

        if (line.State is OrderLineState.InCart or OrderLineState.Held)
        {
            return OrderErrors.LineNotFired("lineId", LineId);
        }

        return Quantity < 1 || Quantity > line.Quantity
            ? OrderErrors.VoidTooMany("quantity", LineId, line.Quantity)
            : Decision.Accept(new ItemVoided { LineId = LineId, Quantity = Quantity, Reason = Reason });
    }
}
