namespace Ordering.Sdk.Orders;

/// <summary>Releases held lines to cook (起菜).</summary>
public sealed record FireHeldItems : OrderCommand
{
    /// <summary>Gets the lines; each must be held.</summary>
    public required IReadOnlyList<string> LineIds { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Lines(state, LineIds, static (line, field) =>
            line.State == OrderLineState.Held && line.IsActive ? null : OrderErrors.LineNotHeld(field, line.LineId));
        return error ?? Decision.Accept(new HeldItemsFired { LineIds = LineIds.ToArray() });
    }
}
