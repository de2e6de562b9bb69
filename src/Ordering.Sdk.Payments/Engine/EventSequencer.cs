using System.Collections.Concurrent;

namespace Ordering.Sdk.Payments;

// Delivers one order's events in the order they were queued, one at a time. Events are queued while the order's gate
// is held and raised after it is released (handlers may call back into the engine); whichever thread finds the
// sequencer idle delivers everything queued, including what other threads add meanwhile, so a handler never sees an
// order's events out of order or two of them at once. Different orders still deliver in parallel.
internal sealed class EventSequencer
{
    private readonly ConcurrentQueue<EventArgs> _queue = new();
    private int _delivering;

    public void Enqueue(EventArgs args) => _queue.Enqueue(args);

    public void Deliver(Action<EventArgs> raise)
    {
        while (!_queue.IsEmpty)
        {
            if (Interlocked.CompareExchange(ref _delivering, 1, 0) != 0)
            {
                // Another thread is delivering; it re-checks the queue after it stops, so nothing is left behind.
                return;
            }

            try
            {
                while (_queue.TryDequeue(out var args))
                {
                    raise(args);
                }
            }
            finally
            {
                Volatile.Write(ref _delivering, 0);
            }
        }
    }
}
