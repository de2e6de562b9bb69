namespace Ordering.Sdk.Orders;

/// <summary>Adds a batch of items (加菜); fired or held, the batch is one kitchen round.</summary>
public sealed record AddItems : OrderCommand
{
    /// <summary>Gets the items. Prices are never taken from the client.</summary>
    public required IReadOnlyList<OrderItemRequest> Items { get; init; }

    /// <summary>Gets what to do with the batch.</summary>
    /// <value>The default value is <see cref="LineDisposition.Fire"/>.</value>
    public LineDisposition Disposition { get; init; } = LineDisposition.Fire;

    internal override Decision Decide(OrderState state, CommandContext context)
    {
        if ((Validate.Open(state) ?? Validate.Items(Items, context.Options)) is { } error)
        {
            return error;
        }

        var lines = new AddedLine[Items.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = new AddedLine(state.NextLineId(i), Items[i]);
        }

        return Decision.Accept(new ItemsAdded
        {
            Lines = lines,
            Disposition = Disposition,
            Round = Disposition == LineDisposition.Cart ? 0 : state.Rounds + 1,
        });
    }
}
