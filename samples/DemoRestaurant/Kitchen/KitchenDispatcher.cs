using DemoRestaurant.Live;
using DemoRestaurant.Ordering;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Kitchen;
using Ordering.Sdk.Orders;

namespace DemoRestaurant.Kitchen;

/// <summary>
/// Drains the order store's outbox: each event goes through the SDK's <see cref="KitchenRouter"/>, each resulting
/// ticket into the durable print queue (keyed by order, station and revision, so a ticket is queued once however often
/// the event is seen) and onto the KDS; only then is the outbox entry acknowledged.
/// </summary>
internal sealed partial class KitchenDispatcher : BackgroundService
{
    private readonly IOrderStore _store;
    private readonly RestaurantOrders _orders;
    private readonly KitchenRouter _router;
    private readonly IPrintQueue _printQueue;
    private readonly KdsBoard _kds;
    private readonly LiveHub _hub;
    private readonly KitchenSignal _signal;
    private readonly ILogger<KitchenDispatcher> _logger;

    public KitchenDispatcher(IOrderStore store, RestaurantOrders orders, KitchenRouter router, IPrintQueue printQueue, KdsBoard kds, LiveHub hub, KitchenSignal signal, ILogger<KitchenDispatcher> logger)
    {
        _store = store;
        _orders = orders;
        _router = router;
        _printQueue = printQueue;
        _kds = kds;
        _hub = hub;
        _signal = signal;
        _logger = logger;
    }

    /// <summary>Gets how many tickets were queued for printing since start (each exactly once).</summary>
    public int TicketsQueued { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainOnceAsync(stoppingToken) == 0)
                {
                    await _signal.WaitAsync(TimeSpan.FromMilliseconds(250), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDrainFailed(_logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    internal async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var entries = await _store.ReadOutboxAsync(200, cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var histories = new Dictionary<string, IReadOnlyList<OrderEvent>>(StringComparer.Ordinal);
        var newTickets = 0;
        foreach (var entry in entries)
        {
            var orderId = entry.Event.OrderId;
            if (!histories.TryGetValue(orderId, out var history) || history.Count < entry.Event.Version)
            {
                history = await _orders.HistoryAsync(orderId, cancellationToken);
                histories[orderId] = history;
            }

            foreach (var ticket in _router.Route(history, entry.Event.Version))
            {
                if (await _printQueue.EnqueueAsync(ticket, cancellationToken))
                {
                    TicketsQueued++;
                    newTickets++;
                }

                _kds.Add(ticket);
            }

            _orders.Changed(orderId);
        }

        await _store.AcknowledgeOutboxAsync(entries.Select(e => e.Sequence).ToArray(), cancellationToken);
        if (newTickets > 0)
        {
            _hub.Publish("kds", "{\"type\":\"tickets\"}");
        }

        return entries.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Routing the order outbox to the kitchen failed; retrying in a second.")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
