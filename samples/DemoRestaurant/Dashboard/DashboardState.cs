using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Dashboard;

/// <summary>What the live dashboard shows that the SDK does not keep itself: per-channel call and attempt figures and recent printer alerts.</summary>
internal sealed class DashboardState
{
    private const int Window = 2000;
    private readonly Lock _gate = new();
    private readonly Dictionary<PaymentChannelId, ChannelFigures> _channels = [];
    private readonly Queue<PrinterAlertView> _printerAlerts = new();
    private readonly Dictionary<string, PrinterAlertView> _lastAlertByPrinter = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public DashboardState(TimeProvider time) => _time = time;

    public void RecordCall(PaymentChannelId channel, PaymentOperation operation, TimeSpan elapsed, string outcome)
    {
        lock (_gate)
        {
            var figures = Figures(channel);
            figures.Calls++;
            if (outcome is "dropped" or "error" or nameof(ChannelOutcome.Unknown))
            {
                figures.CallErrors++;
            }

            Add(figures.CallMs, elapsed.TotalMilliseconds);
        }
    }

    public void RecordAttempt(PaymentAttemptSnapshot attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var final = attempt.State is PaymentState.Succeeded or PaymentState.Failed or PaymentState.Cancelled;
        if (!final)
        {
            return;
        }

        lock (_gate)
        {
            var figures = Figures(attempt.Channel);
            if (attempt.State == PaymentState.Succeeded)
            {
                figures.Succeeded++;
                Add(figures.AttemptMs, (_time.GetUtcNow() - attempt.CreatedAt).TotalMilliseconds);
            }
            else
            {
                figures.NotSucceeded++;
            }
        }
    }

    public void RecordPrinterAlert(PrinterAlertEventArgs alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var view = new PrinterAlertView(_time.GetUtcNow(), alert.Kind.ToString(), alert.PrinterId, alert.Job?.ToString(), alert.Message);
        lock (_gate)
        {
            _printerAlerts.Enqueue(view);
            while (_printerAlerts.Count > 30)
            {
                _printerAlerts.Dequeue();
            }

            if (alert.PrinterId is { } printer)
            {
                _lastAlertByPrinter[printer] = view;
            }
        }
    }

    public IReadOnlyList<ChannelView> Channels()
    {
        lock (_gate)
        {
            return _channels.OrderBy(c => c.Key).Select(c =>
            {
                var f = c.Value;
                var finished = f.Succeeded + f.NotSucceeded;
                return new ChannelView(
                    c.Key.ToString(),
                    finished,
                    f.Succeeded,
                    finished == 0 ? null : Math.Round(100.0 * f.Succeeded / finished, 1),
                    f.Calls,
                    f.CallErrors,
                    Percentile(f.CallMs, 0.5),
                    Percentile(f.CallMs, 0.99),
                    Percentile(f.AttemptMs, 0.5),
                    Percentile(f.AttemptMs, 0.99));
            }).ToArray();
        }
    }

    public IReadOnlyList<PrinterAlertView> PrinterAlerts()
    {
        lock (_gate)
        {
            return _printerAlerts.Reverse().ToArray();
        }
    }

    public PrinterAlertView? LastAlert(string printerId)
    {
        lock (_gate)
        {
            return _lastAlertByPrinter.GetValueOrDefault(printerId);
        }
    }

    private ChannelFigures Figures(PaymentChannelId channel)
    {
        if (!_channels.TryGetValue(channel, out var figures))
        {
            figures = new ChannelFigures();
            _channels[channel] = figures;
        }

        return figures;
    }

    private static void Add(Queue<double> window, double value)
    {
        window.Enqueue(value);
        if (window.Count > Window)
        {
            window.Dequeue();
        }
    }

    private static double? Percentile(Queue<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        return Math.Round(sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))], 1);
    }

    private sealed class ChannelFigures
    {
        public long Calls { get; set; }

        public long CallErrors { get; set; }

        public long Succeeded { get; set; }

        public long NotSucceeded { get; set; }

        public Queue<double> CallMs { get; } = new();

        public Queue<double> AttemptMs { get; } = new();
    }
}

/// <summary>A channel's figures: attempt success rate, gateway call latency (p50/p99) and time to a confirmed payment.</summary>
internal sealed record ChannelView(string Channel, long Finished, long Succeeded, double? SuccessRatePercent, long Calls, long CallErrors, double? CallP50Ms, double? CallP99Ms, double? PaidP50Ms, double? PaidP99Ms);

/// <summary>A printer alert raised by the SDK's print queue.</summary>
internal sealed record PrinterAlertView(DateTimeOffset At, string Kind, string? PrinterId, string? Job, string Message);
