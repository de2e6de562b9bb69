using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ordering.Sdk.Payments.Tests.Engine;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.Telemetry;

public sealed class PaymentsMetricsTests
{
    [Fact]
    public async Task Failure_IsCountedWithChannelOutcomeAndCauseTags()
    {
        var measurements = new List<(string Name, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrderingTelemetry.PaymentsSourceName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var bag = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                bag[tag.Key] = tag.Value;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, bag));
            }
        });
        listener.Start();

        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        world.WeChat.EnqueueCustomer(new FakeCustomerBehavior(FakeCustomerOutcome.InsufficientBalance, TimeSpan.Zero));
        var attempt = await engine.PayAsync(EngineHarness.Code("metrics-order", 1000, 1000, "metrics-key"));

        Assert.Equal(PaymentState.Failed, attempt.State);
        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Name == "ordering.payments.failures"
                && Equals(m.Tags["channel"], "wechat_pay") && Equals(m.Tags["outcome"], "charge") && Equals(m.Tags["cause"], "customer"));
            Assert.Contains(measurements, m => m.Name == "ordering.payments.attempts"
                && Equals(m.Tags["channel"], "wechat_pay") && Equals(m.Tags["outcome"], "failed"));
        }
    }

    [Fact]
    public async Task ResolutionCalls_AreTraced()
    {
        var names = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrderingTelemetry.PaymentsSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                lock (names)
                {
                    names.Add(activity.OperationName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        world.WeChat.EnqueueFault(FakeCallFault.ResponseLost);
        await engine.PayAsync(EngineHarness.Code("trace-order", 1000, 1000, "trace-key"));
        await world.RunAsync(engine, TimeSpan.FromSeconds(5));

        lock (names)
        {
            Assert.Contains("ordering.payments.charge", names);
            Assert.Contains("ordering.payments.query", names);
        }
    }
}
