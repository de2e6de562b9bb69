namespace Ordering.Sdk.Orders;

/// <summary>Marks fired lines as served at the table (划菜), usually from the KDS bump.</summary>
public sealed record MarkServed : OrderCommand
{
    /// <summary>Gets the lines; each must be fired.</summary>
    public required IReadOnlyList<string> LineIds { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Lines(state, LineIds, static (line, field) =>
            line.State == OrderLineState.Fired && line.IsActive ? null : OrderErrors.LineNotFired(field, line.LineId));
        return error ?? Decision.Accept(new ItemsServed { LineIds = LineIds.ToArray() });
    }
}
