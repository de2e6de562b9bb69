namespace Ordering.Sdk.Orders;

/// <summary>Reopens a settled order for correction (反结账); the reason and operator go into the audit trail.</summary>
public sealed record ReopenOrder : OrderCommand
{
    /// <summary>Gets why (required).</summary>
    public required string Reason { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = (state.Status == OrderStatus.None ? OrderErrors.NotFound(OrderId) : null)
            ?? (state.Status != OrderStatus.Settled ? OrderErrors.NotSettled(state.Status) : null)
            ?? Validate.Text(Reason, "reason", required: true)
            ?? Validate.Id(Operator, "operator");
        return error ?? Decision.Accept(new OrderReopened { Reason = Reason, PreviouslySettled = state.SettledAmount!.Value });
    }
}
