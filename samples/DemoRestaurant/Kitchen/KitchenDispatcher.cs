using DemoRestaurant.Live;
using DemoRestaurant.Ordering;
using Ordering.Sdk.Kitchen;

namespace DemoRestaurant.Kitchen;

/// <summary>
/// Runs the SDK's <see cref="KitchenRelay"/> for the host's lifetime: right after an order command was accepted (the
/// <see cref="KitchenSignal"/> wakes it) and on a timer, so what a failing sink left on the outbox is retried. The relay
/// routes, hands each ticket to the print queue and the KDS, and acknowledges only what both accepted.
/// </summary>
internal sealed partial class KitchenDispatcher : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly KitchenRelay _relay;
    private readonly RestaurantOrders _orders;
    private readonly LiveHub _hub;
    private readonly KitchenSignal _signal;
    private readonly ILogger<KitchenDispatcher> _logger;

    public KitchenDispatcher(KitchenRelay relay, RestaurantOrders orders, LiveHub hub, KitchenSignal signal, ILogger<KitchenDispatcher> logger)
    {
        _relay = relay;
        _orders = orders;
        _hub = hub;
        _signal = signal;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _relay.TicketDelivered += OnTicketDelivered;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var progress = await _relay.RelayPendingAsync(stoppingToken);
                    if (progress.Tickets > 0)
                    {
                        _hub.Publish("kds", "{\"type\":\"tickets\"}");
                    }

                    if (progress.Events == 0)
                    {
                        await _signal.WaitAsync(PollInterval, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The relay acknowledged what was delivered; the failing event stays on the outbox for the next pass.
                    LogRelayFailed(_logger, e);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        finally
        {
            _relay.TicketDelivered -= OnTicketDelivered;
        }
    }

    private void OnTicketDelivered(object? sender, KitchenTicketDeliveredEventArgs e) => _orders.Changed(e.Ticket.OrderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Relaying the order outbox to the kitchen failed; retrying in a second.")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
