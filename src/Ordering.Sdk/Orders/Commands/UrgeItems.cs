namespace Ordering.Sdk.Orders;

/// <summary>Urges fired lines that have not reached the table (催菜); the kitchen gets an urge ticket.</summary>
public sealed record UrgeItems : OrderCommand
{
    /// <summary>Gets the lines.</summary>
    public required IReadOnlyList<string> LineIds { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Lines(state, LineIds, static (line, field) =>
            line.State is OrderLineState.Fired or OrderLineState.Held && line.IsActive ? null : OrderErrors.LineNotFired(field, line.LineId));
        return error ?? Decision.Accept(new ItemsUrged { LineIds = LineIds.ToArray() });
    }
}
