namespace Ordering.Sdk.Kitchen;

/// <summary>A ticket every sink accepted.</summary>
/// <param name="ticket">The ticket.</param>
public sealed class KitchenTicketDeliveredEventArgs(KitchenTicket ticket) : EventArgs
{
    /// <summary>Gets the ticket.</summary>
    public KitchenTicket Ticket { get; } = ticket;
}
