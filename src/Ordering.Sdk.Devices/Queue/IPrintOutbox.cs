namespace Ordering.Sdk.Devices.Queue;

/// <summary>
/// Durable storage of print jobs, keyed by <see cref="PrintJobKey"/>. Every operation is a single-row read
/// or write, so a SQL implementation is one table with a primary key on (order, station, revision, reprint).
/// </summary>
/// <remarks>A job is written here before any byte goes to a printer, and is never deleted by the SDK.</remarks>
/// <threadsafety>Implementations must be safe to call concurrently.</threadsafety>
public interface IPrintOutbox
{
    /// <summary>Adds <paramref name="job"/> unless a job with its key exists.</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if added; <see langword="false"/> if the key already existed (nothing changed).</returns>
    ValueTask<bool> TryAddAsync(PrintJob job, CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored job that has the same key.</summary>
    /// <param name="job">The new state of the job.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the change is durable.</returns>
    /// <exception cref="KeyNotFoundException">No job has that key.</exception>
    ValueTask UpdateAsync(PrintJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a pending job for printing, atomically: only if it is still <see cref="PrintJobState.Pending"/> with
    /// <paramref name="expectedAttempts"/> attempts, it becomes <see cref="PrintJobState.Printing"/> with one more
    /// attempt and a lease until <paramref name="leaseUntil"/>. Two workers can never both claim one round of a job.
    /// </summary>
    /// <param name="key">The job's key.</param>
    /// <param name="expectedAttempts">The attempt count the caller saw when it read the job.</param>
    /// <param name="leaseUntil">Until when the claim holds; a job still printing after that counts as interrupted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The claimed job, or <see langword="null"/> if it no longer exists as read (someone else claimed or changed it).</returns>
    ValueTask<PrintJob?> TryClaimAsync(PrintJobKey key, int expectedAttempts, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Finds a job by key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The job, or <see langword="null"/>.</returns>
    ValueTask<PrintJob?> FindAsync(PrintJobKey key, CancellationToken cancellationToken = default);

    /// <summary>Lists pending jobs due at <paramref name="now"/>, oldest first.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="maxCount">The most jobs to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The due jobs.</returns>
    ValueTask<IReadOnlyList<PrintJob>> GetDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Lists jobs in <paramref name="state"/>, oldest first.</summary>
    /// <param name="state">The state.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The jobs.</returns>
    ValueTask<IReadOnlyList<PrintJob>> GetByStateAsync(PrintJobState state, CancellationToken cancellationToken = default);
}
