namespace Ordering.Sdk.Orders;

/// <summary>Sends everything in the shared table cart to the kitchen as one round (下单).</summary>
public sealed record SubmitCart : OrderCommand
{
    internal override Decision Decide(OrderState state, CommandContext context)
    {
        if (Validate.Open(state) is { } error)
        {
            return error;
        }

        var inCart = state.Lines.Where(l => l.IsActive && l.State == OrderLineState.InCart).Select(l => l.LineId).ToArray();
        return inCart.Length == 0
            ? OrderErrors.NothingInCart()
            : Decision.Accept(new CartSubmitted { LineIds = inCart, Round = state.Rounds + 1 });
    }
}
