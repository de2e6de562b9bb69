using System.Collections.Concurrent;
using DemoRestaurant.Dashboard;
using DemoRestaurant.Live;
using DemoRestaurant.Ordering;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Payments;

/// <summary>
/// Drives the payment engine for the host's lifetime: runs <see cref="IPaymentEngine.ProcessDueWorkAsync"/> when
/// <see cref="IPaymentEngine.NextDueAt"/> comes (queries, cancels/reverses, refund follow-ups), delivers the gateways'
/// callbacks, and settles an order as soon as its confirmed tenders cover it.
/// </summary>
internal sealed partial class PaymentWorker : BackgroundService
{
    private static readonly TimeSpan MaxIdle = TimeSpan.FromMilliseconds(200);

    // How often every occupied table is checked for money that covers it, whatever the events said.
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);
    private readonly IPaymentEngine _engine;
    private readonly DemoPaymentChannels _channels;
    private readonly Checkout _checkout;
    private readonly RestaurantOrders _orders;
    private readonly DashboardState _dashboard;
    private readonly LiveHub _hub;
    private readonly TimeProvider _time;
    private readonly ILogger<PaymentWorker> _logger;
    private readonly DemoOptions _options;
    private readonly ConcurrentDictionary<string, byte> _toSettle = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);

    public PaymentWorker(IPaymentEngine engine, DemoPaymentChannels channels, Checkout checkout, RestaurantOrders orders, DashboardState dashboard, LiveHub hub, TimeProvider time, DemoOptions options, ILogger<PaymentWorker> logger)
    {
        _options = options;
        _engine = engine;
        _channels = channels;
        _checkout = checkout;
        _orders = orders;
        _dashboard = dashboard;
        _hub = hub;
        _time = time;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _engine.AttemptChanged += OnAttemptChanged;
        _engine.FailureRecorded += OnFailure;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _engine.AttemptChanged -= OnAttemptChanged;
        _engine.FailureRecorded -= OnFailure;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_time.GetUtcNow() >= nextSweep)
                {
                    // Settling follows the engine's events, and an event dies with the process that was about to raise
                    // it: money confirmed just before a crash (or while the host was down) would leave a paid table
                    // open for ever. So at start, and every half minute, every occupied table is looked at too.
                    await QueueOccupiedTablesAsync(stoppingToken);
                    nextSweep = _time.GetUtcNow() + SweepInterval;
                }

                if (_engine.NextDueAt is { } due && due <= _time.GetUtcNow())
                {
                    await _engine.ProcessDueWorkAsync(stoppingToken);
                }

                await _channels.DeliverCallbacksAsync(_engine, stoppingToken);
                // Orders settle independently; the store serializes the writes, the rest overlaps.
                var toSettle = _toSettle.Keys.ToArray();
                foreach (var orderId in toSettle)
                {
                    _toSettle.TryRemove(orderId, out _);
                }

                var settled = await Task.WhenAll(toSettle.Select(orderId => _checkout.TrySettleAsync(orderId, stoppingToken)));
                if (settled.Any(s => s))
                {
                    _hub.Publish("staff", "{\"type\":\"settled\"}");
                }

                var wait = MaxIdle;
                if (_engine.NextDueAt is { } next)
                {
                    var untilDue = next - _time.GetUtcNow();
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < wait ? untilDue : wait;
                }

                await _wake.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogWorkFailed(_logger, e);
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
            }
        }
    }

    private async Task QueueOccupiedTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in _options.TableIds())
        {
            if (await _orders.TableOrderIdAsync(table, cancellationToken) is { } orderId)
            {
                _toSettle[orderId] = 0;
            }
        }
    }

    private void OnAttemptChanged(object? sender, PaymentAttemptChangedEventArgs e)
    {
        _dashboard.RecordAttempt(e.Attempt);
        if (e.Attempt.State is PaymentState.Succeeded or PaymentState.PartiallyRefunded or PaymentState.Refunded)
        {
            _toSettle[e.Attempt.OrderId] = 0;
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }

        _orders.Changed(e.Attempt.OrderId);
        _hub.Publish("dashboard", "{\"type\":\"payment\"}");
    }

    private void OnFailure(object? sender, PaymentFailureEventArgs e) => _hub.Publish("dashboard", "{\"type\":\"failure\"}");

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment background work failed; retrying shortly.")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception);
}
