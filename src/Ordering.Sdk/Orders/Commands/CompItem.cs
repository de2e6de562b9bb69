namespace Ordering.Sdk.Orders;

/// <summary>Gives a line free (赠菜): it stays on the kitchen ticket and the receipt, priced at zero.</summary>
public sealed record CompItem : OrderCommand
{
    /// <summary>Gets the line.</summary>
    public required string LineId { get; init; }

    /// <summary>Gets why (required).</summary>
    public required string Reason { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Text(Reason, "reason", required: true) ?? Validate.Id(Operator, "operator");
        if (error is not null)
        {
            return error;
        }

        var line = state.FindLine(LineId);
        return line is null || !line.IsActive ? OrderErrors.UnknownLine("lineId", LineId)
            : line.IsComped ? OrderErrors.AlreadyComped("lineId", LineId)
            : Decision.Accept(new ItemComped { LineId = LineId, Reason = Reason });
    }
}
