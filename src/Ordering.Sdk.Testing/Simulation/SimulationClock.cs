namespace Ordering.Sdk.Testing;

// The simulation's clock: time moves only when the world advances it. Timers are accepted but never fire:
// every simulated call completes synchronously, so a call timeout can never elapse inside one.
internal sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => DormantTimer.Instance;

    private sealed class DormantTimer : ITimer
    {
        public static readonly DormantTimer Instance = new();

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
