namespace DemoRestaurant.Ordering;

/// <summary>Wakes the kitchen dispatcher as soon as an order command was accepted, so tickets do not wait for the next poll.</summary>
internal sealed class KitchenSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Nudge()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged: one wake-up covers every change made before the dispatcher reads the outbox.
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
