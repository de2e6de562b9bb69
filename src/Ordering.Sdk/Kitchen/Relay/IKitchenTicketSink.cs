namespace Ordering.Sdk.Kitchen;

/// <summary>Where kitchen tickets go: a print queue, a KDS screen, a delivery platform.</summary>
/// <remarks>
/// Delivery is at least once: after a crash or a failing sink, the <see cref="KitchenRelay"/> delivers
/// the same ticket again. A sink must therefore be idempotent by the ticket's key (order, station,
/// revision); the SDK's print queue is.
/// </remarks>
public interface IKitchenTicketSink
{
    /// <summary>Accepts a ticket durably, or throws so the relay delivers it again later.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the sink has the ticket.</returns>
    ValueTask DeliverAsync(KitchenTicket ticket, CancellationToken cancellationToken);
}
