namespace Ordering.Sdk.Orders;

/// <summary>Clears a paid table (清台) so it can be opened again.</summary>
public sealed record ClearTable : OrderCommand
{
    internal override Decision Decide(OrderState state, CommandContext context) =>
        state.Status == OrderStatus.None ? OrderErrors.NotFound(OrderId)
        : state.TableState != TableSessionState.Paid ? OrderErrors.TableNotClearable()
        : Decision.Accept(new TableCleared());
}
