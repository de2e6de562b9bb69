using Ordering.Sdk.Kitchen;

namespace Ordering.Sdk.Devices.Queue;

/// <summary>Connects the print queue to the <see cref="KitchenRelay"/>.</summary>
public static class PrintQueueKitchenSink
{
    /// <summary>
    /// Wraps a print queue as a kitchen ticket sink: every relayed ticket is enqueued as a durable print
    /// job; a ticket delivered twice is the same job (keyed by order, station and revision), printed once.
    /// </summary>
    /// <param name="queue">The print queue.</param>
    /// <returns>The sink.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="queue"/> is <see langword="null"/>.</exception>
    public static IKitchenTicketSink AsKitchenSink(this IPrintQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return new Sink(queue);
    }

    private sealed class Sink(IPrintQueue queue) : IKitchenTicketSink
    {
        public async ValueTask DeliverAsync(KitchenTicket ticket, CancellationToken cancellationToken) =>
            await queue.EnqueueAsync(ticket, cancellationToken).ConfigureAwait(false);
    }
}
