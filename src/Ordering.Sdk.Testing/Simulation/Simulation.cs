namespace Ordering.Sdk.Testing;

// The simulation is single-threaded and never waits on real time: every engine call must complete synchronously.
internal static class Simulation
{
    public static T Complete<T>(ValueTask<T> task)
    {
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("A simulated call waited on real time or I/O; the simulation would not be deterministic.");
        }

        return task.GetAwaiter().GetResult();
    }
}
