using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Kitchen;

/// <summary>
/// Moves order events from the order store's outbox to the kitchen: each event is routed to station
/// tickets by the <see cref="KitchenRouter"/>, handed to every sink, and only then acknowledged. A crash
/// or a failing sink leaves the event on the outbox, so no ticket is ever lost; sinks deduplicate by
/// the ticket's key, so none is printed twice.
/// </summary>
/// <remarks>
/// The relay runs when the host calls <see cref="RelayPendingAsync"/>: after each accepted order
/// command for the lowest latency, and on a timer to pick up what a failure left behind. Events are
/// delivered in outbox order; a failing event stops the batch so a later ticket (a 退菜) never
/// overtakes an earlier one (the dish it voids).
/// </remarks>
/// <threadsafety>Safe to call from several threads; calls run one at a time.</threadsafety>
public sealed class KitchenRelay : IDisposable
{
    private readonly IOrderStore _store;
    private readonly KitchenRouter _router;
    private readonly IKitchenTicketSink[] _sinks;
    private readonly int _batchSize;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a relay.</summary>
    /// <param name="store">The order store whose outbox the relay drains (it should be its only consumer).</param>
    /// <param name="router">Routes events to station tickets.</param>
    /// <param name="sinks">Where tickets go; at least one.</param>
    /// <param name="batchSize">How many outbox entries one call reads at most (1–10,000).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="sinks"/> is empty or holds a null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is out of range.</exception>
    public KitchenRelay(IOrderStore store, KitchenRouter router, IEnumerable<IKitchenTicketSink> sinks, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 10_000);
        _sinks = sinks.ToArray();
        if (_sinks.Length == 0 || Array.Exists(_sinks, s => s is null))
        {
            throw new ArgumentException("Give at least one kitchen ticket sink, and no null one.", nameof(sinks));
        }

        _store = store;
        _router = router;
        _batchSize = batchSize;
    }

    /// <summary>Raised for every ticket after all sinks accepted it.</summary>
    public event EventHandler<KitchenTicketDeliveredEventArgs>? TicketDelivered;

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>Relays up to one batch of pending outbox entries.</summary>
    /// <param name="cancellationToken">Cancels the relay; what was delivered is acknowledged.</param>
    /// <returns>How many events were acknowledged and tickets delivered.</returns>
    /// <exception cref="OperationCanceledException">The call was cancelled.</exception>
    /// <remarks>
    /// When a sink throws, the entries delivered before it are acknowledged and the exception
    /// propagates; the failing entry stays on the outbox for the next call.
    /// </remarks>
    public async ValueTask<KitchenRelayProgress> RelayPendingAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var delivered = new List<long>();
        var tickets = 0;
        try
        {
            var entries = await _store.ReadOutboxAsync(_batchSize, cancellationToken).ConfigureAwait(false);
            var histories = new Dictionary<string, IReadOnlyList<OrderEvent>>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var orderId = entry.Event.OrderId;
                if (!histories.TryGetValue(orderId, out var history) || history.Count < entry.Event.Version)
                {
                    history = await _store.LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
                    histories[orderId] = history;
                }

                foreach (var ticket in _router.Route(history, entry.Event.Version))
                {
                    foreach (var sink in _sinks)
                    {
                        await sink.DeliverAsync(ticket, cancellationToken).ConfigureAwait(false);
                    }

                    tickets++;
                    TicketDelivered?.Invoke(this, new KitchenTicketDeliveredEventArgs(ticket));
                }

                delivered.Add(entry.Sequence);
            }

            return new KitchenRelayProgress(delivered.Count, tickets);
        }
        finally
        {
            try
            {
                if (delivered.Count > 0)
                {
                    // Acknowledge even when cancelled or failing: what the sinks have must not be sent again.
                    await _store.AcknowledgeOutboxAsync(delivered, CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
