namespace Ordering.Sdk.Orders;

/// <summary>Cancels an open order; fired lines get a void ticket in the kitchen.</summary>
public sealed record CancelOrder : OrderCommand
{
    /// <summary>Gets why (required).</summary>
    public required string Reason { get; init; }

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        var error = Validate.Open(state) ?? Validate.Text(Reason, "reason", required: true) ?? Validate.Id(Operator, "operator");
        return error ?? Decision.Accept(new OrderCancelled { Reason = Reason });
    }
}
