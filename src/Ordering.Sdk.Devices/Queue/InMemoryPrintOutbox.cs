namespace Ordering.Sdk.Devices.Queue;

// The outbox for tests and single-process demos; a real store keeps jobs across restarts.
internal sealed class InMemoryPrintOutbox : IPrintOutbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<PrintJobKey, PrintJob> _jobs = [];
    private readonly List<PrintJobKey> _order = [];

    public ValueTask<bool> TryAddAsync(PrintJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (!_jobs.TryAdd(job.Key, job))
            {
                return ValueTask.FromResult(false);
            }

            _order.Add(job.Key);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask UpdateAsync(PrintJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (!_jobs.ContainsKey(job.Key))
            {
                throw new KeyNotFoundException($"No print job {job.Key}.");
            }

            _jobs[job.Key] = job;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<PrintJob?> TryClaimAsync(PrintJobKey key, int expectedAttempts, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(key, out var job) || job.State != PrintJobState.Pending || job.Attempts != expectedAttempts)
            {
                return ValueTask.FromResult<PrintJob?>(null);
            }

            var claimed = job with { State = PrintJobState.Printing, Attempts = job.Attempts + 1, LeaseUntil = leaseUntil };
            _jobs[key] = claimed;
            return ValueTask.FromResult<PrintJob?>(claimed);
        }
    }

    public ValueTask<PrintJob?> FindAsync(PrintJobKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_jobs.GetValueOrDefault(key));
        }
    }

    public ValueTask<IReadOnlyList<PrintJob>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<PrintJob> due = [.. _order.Select(k => _jobs[k]).Where(j => j.State == PrintJobState.Pending && j.NextAttemptAt <= now).Take(maxCount)];
            return ValueTask.FromResult(due);
        }
    }

    public ValueTask<IReadOnlyList<PrintJob>> GetByStateAsync(PrintJobState state, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<PrintJob> jobs = [.. _order.Select(k => _jobs[k]).Where(j => j.State == state)];
            return ValueTask.FromResult(jobs);
        }
    }
}
