using Microsoft.Extensions.Time.Testing;

namespace Ordering.Sdk.Devices.Tests.Queue;

// A FakeTimeProvider that counts timers created and fired. Continuations of a fired timer may run on the thread
// pool, so after advancing, a simulation waits until the code either finished or blocked on a new timer before
// it advances again; time then never moves while simulated work is still running, and runs replay exactly.
internal sealed class ObservedClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(start);
    private int _created;
    private int _fired;

    public int Created => Volatile.Read(ref _created);

    public int Fired => Volatile.Read(ref _fired);

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _created);
        return _fake.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            },
            state,
            dueTime,
            period);
    }

    public void Advance(TimeSpan by) => _fake.Advance(by);

    // Advances by one step; if that fired a timer, waits until the work it released completes or waits on a new timer.
    public async Task StepAsync(TimeSpan by, Task work)
    {
        var created = Created;
        var fired = Fired;
        _fake.Advance(by);
        if (Fired == fired)
        {
            return;
        }

        var deadline = Environment.TickCount64 + 10_000;
        while (!work.IsCompleted && Created == created)
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("Simulated work neither finished nor waited on the clock within 10 s of real time.");
            }

            await Task.Yield();
        }
    }
}
