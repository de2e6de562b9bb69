namespace DemoRestaurant.LoadTest;

/// <summary>
/// Samples the thread pool while the diners run: a pool that keeps adding threads while work queues up is starving
/// (something blocks pool threads), which is what the demo's old thread-pool floor papered over.
/// </summary>
internal sealed class ThreadPoolWatch
{
    public ThreadPoolWatch()
    {
        ThreadPool.GetMinThreads(out var workers, out _);
        MinWorkers = workers;
    }

    public int MinWorkers { get; }

    public int PeakThreads { get; private set; }

    public long PeakQueued { get; private set; }

    public async Task WatchUntilAsync(Task done)
    {
        while (!done.IsCompleted)
        {
            PeakThreads = Math.Max(PeakThreads, ThreadPool.ThreadCount);
            PeakQueued = Math.Max(PeakQueued, ThreadPool.PendingWorkItemCount);
            await Task.WhenAny(done, Task.Delay(100));
        }
    }
}
