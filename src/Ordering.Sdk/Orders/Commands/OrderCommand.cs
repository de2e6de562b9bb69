namespace Ordering.Sdk.Orders;

/// <summary>
/// A request to change an order. Every command carries a client request id (a repeated request returns
/// the first result and never applies twice) and the version the client last saw (a stale write gets a
/// conflict result that says what changed).
/// </summary>
/// <remarks>The set of commands is closed: the SDK defines every command and its rules.</remarks>
public abstract record OrderCommand
{
    private protected OrderCommand()
    {
    }

    /// <summary>Gets the order the command is for.</summary>
    public required string OrderId { get; init; }

    /// <summary>Gets the client's id for this request (for example a UUID made when the diner tapped the button).</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets the order version the client based the command on (0 for a new order).</summary>
    public required long ExpectedVersion { get; init; }

    /// <summary>Gets who issues the command: a staff id or a diner tag. Required for voids, comps, reopen and cancel.</summary>
    public string? Operator { get; init; }

    internal abstract Decision Decide(OrderState state, CommandContext context);
}
